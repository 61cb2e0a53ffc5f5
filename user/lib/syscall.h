/*
 * Kernel calls, one C function each. The numbers and the meaning of each
 * call are in kernel/common/syscall_numbers.h and docs/syscalls.md; errors
 * come back as negative codes from kernel/common/errors.h.
 */
#ifndef USER_SYSCALL_H
#define USER_SYSCALL_H

#include "common/errors.h"
#include "common/syscall_numbers.h"

void exit(int status) __attribute__((noreturn));
int getpid(void);
int yield(void);
/* Sleeps for ticks clock ticks (TICKS_PER_SECOND per second). */
int sleep(long ticks);
/* Clock ticks since boot. */
long uptime(void);
long console_write(const void *buffer, unsigned long length);
/* Waits until at least one byte is typed; returns how many it read. */
long console_read(void *buffer, unsigned long length);
/* Starts a child running the ELF image at image; argv ends with a null pointer. Returns its pid. */
int spawn_image(const void *image, unsigned long size, char *const argv[]);
/* Waits for a child (pid, or -1 for any) to exit. Returns its pid; stores its status if status is not 0. */
int wait(int pid, int *status);

/* Makes kernel call number with six arguments (the wrappers use it; so do tests of bad arguments). */
long syscall6(long number, long a0, long a1, long a2, long a3, long a4, long a5);

#endif
