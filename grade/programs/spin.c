/*
 * spin NAME ROUNDS: burns the CPU without ever entering the kernel except
 * to print "spin NAME: round N" after each round. Only a timer interrupt
 * can take the hart away from it, which is what the preemption test needs.
 */
#include "lib/stdio.h"
#include "lib/stdlib.h"

#define ITERATIONS_PER_ROUND (1 << 22)

int main(int argc, char *argv[])
{
	if (argc != 3) {
		printf("usage: spin NAME ROUNDS\n");
		return 1;
	}
	long rounds = atol(argv[2]);
	volatile unsigned long counter = 0;
	for (long round = 1; round <= rounds; round++) {
		for (long i = 0; i < ITERATIONS_PER_ROUND; i++)
			counter++;
		printf("spin %s: round %ld\n", argv[1], round);
	}
	return 0;
}
