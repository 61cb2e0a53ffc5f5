/*
 * Kernel calls, one C function each. The numbers and the meaning of each
 * call are in kernel/common/syscall_numbers.h and docs/syscalls.md; errors
 * come back as negative codes from kernel/common/errors.h.
 */
#ifndef USER_SYSCALL_H
#define USER_SYSCALL_H

#include "common/errors.h"
#include "common/privileges.h"
#include "common/syscall_numbers.h"

void exit(int status) __attribute__((noreturn));
int getpid(void);
int yield(void);
/* Sleeps for ticks clock ticks (TICKS_PER_SECOND per second). */
int sleep(long ticks);
/* Clock ticks since boot. */
long uptime(void);
/* The kernel's debug console: what write() and read() fall back on when no console server runs. */
long console_write(const void *buffer, unsigned long length);
/* Waits until at least one byte is typed; returns how many it read. */
long console_read(void *buffer, unsigned long length);

/*
 * Starts a child running the ELF image at image; argv ends with a null
 * pointer. It gets the privileges asked for that the caller holds too, and
 * finds services (the name server, process.h) in services_pid. Needs
 * PRIV_SPAWN. Returns its pid. Programs use spawn() (process.h) instead.
 */
int spawn_image(const void *image, unsigned long size, char *const argv[], unsigned privileges, int services);
/* Waits for a kernel child (pid, or -1 for any) to exit; flags WAIT_NOHANG. Stores its status if asked. */
int kernel_wait(int pid, int *status, int flags);
/* Ends process pid (needs PRIV_KILL). Programs use kill() (process.h), which asks pm. */
int kernel_kill(int pid);

/* Zeroed read-write memory at [address, address + length), page-aligned, where nothing is mapped. */
int map_pages(void *address, unsigned long length);
/* Maps the caller's pages at [address, address + length) into pid (a child) at the same addresses. */
int share_pages(int pid, void *address, unsigned long length);
/* Maps the device-register page at physical address physical at address (needs PRIV_DEVICE). */
int map_device(unsigned long physical, void *address);
/* Becomes the driver for interrupt irq: it arrives as NOTIFY_IRQ (needs PRIV_DEVICE). */
int irq_register(int irq);
/* Says interrupt irq has been served, so that it may come again (needs PRIV_DEVICE). */
int irq_ack(int irq);

/* Makes kernel call number with six arguments (the wrappers use it; so do tests of bad arguments). */
long syscall6(long number, long a0, long a1, long a2, long a3, long a4, long a5);

#endif
