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
/* The caller's pid. */
int getpid(void);
int yield(void);
/* Sleeps for ticks clock ticks (TICKS_PER_SECOND per second). */
int sleep(long ticks);
/* Clock ticks since boot. */
long uptime(void);
/* getpid and uptime as kernel calls, for programs that need the trap itself (tracing, measuring). */
int kernel_getpid(void);
long kernel_uptime(void);
/* The kernel's debug console: what write() and read() fall back on when no console server runs. */
long console_write(const void *buffer, unsigned long length);
/* Takes what has been typed, up to length bytes, without waiting; returns how many (0: nothing yet). */
long console_read(void *buffer, unsigned long length);

/*
 * Starts a child running the ELF image at image; argv ends with a null
 * pointer. It gets the privileges asked for that the caller holds too, and
 * finds services (the name server, process.h) in services_pid. Needs
 * PRIV_SPAWN. Returns its pid. Programs use spawn() (process.h) instead.
 */
int spawn_image(const void *image, unsigned long size, char *const argv[], unsigned privileges, int services);
/*
 * Collects a kernel child (pid, or -1 for any) that has exited, storing its
 * status if asked. Never waits: -E_AGAIN if none has exited yet (then
 * NOTIFY_CHILD_EXITED arrives when one does). Programs use wait() (process.h).
 */
int kernel_wait(int pid, int *status);
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
/* Has the kernel print the user half of the caller's page table on its console (docs/memory.md). Returns 0.
 */
int pgtable_print(void);

/*
 * From now on the kernel prints a line as each of the caller's calls whose
 * bit is set in mask returns (bit n for call number n), and so for every
 * child spawn_image starts. Returns the previous mask. Programs started
 * through pm are traced with spawn_traced() (process.h).
 */
long trace(unsigned long mask);
/* Fills *info with the free memory and the number of processes (struct sysinfo, common/syscall_numbers.h). */
int sysinfo(struct sysinfo *info);
/* Makes the kernel print its backtrace of this call on the console. */
int backtrace(void);

/* Makes kernel call number with six arguments (the wrappers use it; so do tests of bad arguments). */
long syscall6(long number, long a0, long a1, long a2, long a3, long a4, long a5);

#endif
