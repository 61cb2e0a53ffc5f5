/*
 * Counting instructions for benchmarks. Under QEMU's -icount shift=0 the
 * cycle counter advances by exactly one per guest instruction, so the
 * difference of two rdcycle reads is an instruction count, the same on any
 * host. The kernel lets user code read it (scounteren.CY).
 */
#ifndef USER_CYCLES_H
#define USER_CYCLES_H

#include <stdint.h>

static inline uint64_t read_cycle(void)
{
	uint64_t value;
	asm volatile("rdcycle %0" : "=r"(value));
	return value;
}

/* Whether icount is on: only then are cycles instructions, and a benchmark may report. */
int icount_is_on(void);
/* Cycles that rounds iterations of an empty loop take: what a timing loop costs by itself. */
uint64_t empty_loop_cycles(int rounds);

#endif
