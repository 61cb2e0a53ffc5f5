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
/* The names of the calls in call-number order, each ending in a NUL: "exit", "getpid", ... (syscall.c). */
extern const char syscall_names[];

/* Prints the line that trace() asks for: p's call number has returned result. */
void syscall_trace(struct proc *p, uint64_t number, long result);

/*
 * Runs the call in p's a7 with arguments a0..a5 and stores the result in its a0, then prints a trace line if
 * p traces that call (docs/syscalls.md, "Tracing"). Inline: every call comes here.
 */
static inline void syscall_dispatch(struct proc *p)
{
	uint64_t number = p->frame.regs[REG_A7];
	long result = number < SYSCALL_COUNT ? syscall_handlers[number](p) : -E_NOSYS;
	if (result != SYSCALL_NO_RESULT)
		p->frame.regs[REG_A0] = (uint64_t)result;
	// LAB syscall BEGIN
	/*
	 * Only a call that returns now has its result here. One that blocked (its result is written later, by
	 * whoever wakes the process) or ended the process prints nothing. The number is checked first because
	 * shifting by 64 or more is undefined in C.
	 */
	if (result != SYSCALL_NO_RESULT && number < SYSCALL_COUNT && ((p->trace_mask >> number) & 1))
		syscall_trace(p, number, result);
	// LAB syscall STUB
	// /* Lab syscall: if p traces this call, print its line (docs/syscalls.md, "Tracing"). */
	// LAB syscall END
}

#endif
