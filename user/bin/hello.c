/*
 * hello NUMBER: shows that each process has its own address space. Every
 * copy stores its number in the same global variable, at the same virtual
 * address, yields so the others run, and finds its own number still there.
 */
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

static volatile long my_number;

int main(int argc, char *argv[])
{
	long number = argc > 1 ? atol(argv[1]) : getpid();
	my_number = number;
	for (int i = 0; i < 5; i++)
		yield();
	if (my_number != number) {
		printf("hello %ld: my_number changed to %ld: address spaces are not separate!\n", number,
		       my_number);
		return 1;
	}
	printf("hello %ld: pid %d, my_number at %p still holds %ld\n", number, getpid(), &my_number,
	       my_number);
	return 0;
}
