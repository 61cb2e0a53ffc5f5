/*
 * Calls into OpenSBI, the M-mode firmware below the kernel (SBI spec 1.0).
 * Only extensions present in OpenSBI 1.1 are used: no DBCN, so the kernel
 * console uses the legacy console calls.
 */
#ifndef KERNEL_SBI_H
#define KERNEL_SBI_H

#include <stdint.h>

void sbi_console_putchar(char c);
/* Returns the next byte typed on the console, or -1 if none is waiting. */
int sbi_console_getchar(void);
/* Asks for a timer interrupt on this hart once the time CSR reaches time. */
void sbi_set_timer(uint64_t time);
/* Sends a software interrupt to each hart whose bit is set in hart_mask. */
void sbi_send_ipi(uint64_t hart_mask);
/* Starts a stopped hart at physical address start with a1 = opaque. Returns 0 or an SBI error. */
long sbi_hart_start(uint64_t hartid, uint64_t start, uint64_t opaque);
/* Powers the machine off; under QEMU this makes QEMU exit. */
void sbi_shutdown(void) __attribute__((noreturn));

#endif
