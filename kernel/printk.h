/*
 * Kernel messages on the debug console (through SBI, so they work from the
 * first instruction). Every caller holds the big kernel lock, or is the
 * only hart running, so whole messages never interleave.
 */
#ifndef KERNEL_PRINTK_H
#define KERNEL_PRINTK_H

#include <stdarg.h>
#include <stddef.h>

/* printf-style, with the conversions %d %u %x %p %s %c (l for long) and no field widths. */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *fmt, va_list args);
/* Writes n raw bytes, for user programs' console output. */
void console_put_bytes(const char *bytes, size_t n);

#endif
