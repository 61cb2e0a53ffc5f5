/*
 * Kernel calls: the numbers are in common/syscall_numbers.h, their meaning
 * in docs/syscalls.md. Each handler returns the value for a0, or
 * SYSCALL_NO_RESULT when the caller is blocked (the result is written
 * later, by whoever wakes it) or gone.
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include "proc.h"

#define SYSCALL_NO_RESULT (-1000)

/* Runs the call in p's a7 with arguments a0..a5 and stores the result in its a0. */
void syscall_dispatch(struct proc *p);

#endif
