/*
 * runaway: loops forever without a single kernel call, so only a timer
 * interrupt ever takes its hart. The grader stops it with Ctrl-C or kill,
 * which must work even though it never asks the kernel for anything.
 */
#include "lib/stdio.h"

int main(void)
{
	printf("runaway: looping forever\n");
	for (;;)
		;
}
