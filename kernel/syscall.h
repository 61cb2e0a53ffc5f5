/*
 * Kernel calls: the numbers are in common/syscall_numbers.h, their meaning
 * in docs/syscalls.md. Each handler returns the value for a0, or
 * SYSCALL_NO_RESULT when the caller is blocked (the result is written
 * later, by whoever wakes it) or gone.
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include "common/errors.h"
#include "common/syscall_numbers.h"
#include "proc.h"

#define SYSCALL_NO_RESULT (-1000)

/* The handler of each call, by number (syscall.c). */
extern long (*const syscall_handlers[SYSCALL_COUNT])(struct proc *);

/* Runs the call in p's a7 with arguments a0..a5 and stores the result in its a0. Inline: every call comes
 * here. A number below SYSCALL_COUNT may have no handler yet: the table has gaps. */
static inline void syscall_dispatch(struct proc *p)
{
	uint64_t number = p->frame.regs[REG_A7];
	long result =
		number < SYSCALL_COUNT && syscall_handlers[number] ? syscall_handlers[number](p) : -E_NOSYS;
	if (result != SYSCALL_NO_RESULT)
		p->frame.regs[REG_A0] = (uint64_t)result;
}

#endif
