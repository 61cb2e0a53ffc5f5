/*
 * The benchmarks' helpers (cycles.h).
 */
#include "cycles.h"

/*
 * With -icount shift=0 the same instructions always take the same number
 * of cycles, one each; without it, cycle follows the host's clock. Three
 * timings of eight nops tell the two apart.
 */
int icount_is_on(void)
{
	uint64_t deltas[3];
	for (int i = 0; i < 3; i++) {
		uint64_t start = read_cycle();
		asm volatile("nop; nop; nop; nop; nop; nop; nop; nop");
		deltas[i] = read_cycle() - start;
	}
	return deltas[0] == deltas[1] && deltas[1] == deltas[2] && deltas[0] <= 10;
}

uint64_t empty_loop_cycles(int rounds)
{
	uint64_t start = read_cycle();
	for (int i = 0; i < rounds; i++)
		asm volatile("" ::: "memory");
	return read_cycle() - start;
}
