/*
 * The kernel debug console as user programs see it: console_write() and
 * console_read() kernel calls over the SBI console. It is the fallback that
 * programs use until the user-space console driver exists.
 */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include "proc.h"

/* console_write(buf, length): writes the bytes; returns length or -E_FAULT. */
long sys_console_write(struct proc *p);
/* console_read(buf, length): takes what has been typed, without waiting; returns the count (0: none). */
long sys_console_read(struct proc *p);

#endif
