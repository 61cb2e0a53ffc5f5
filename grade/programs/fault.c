/*
 * fault KIND: does one thing a user program must not do. The kernel must
 * kill it (and only it) with a line naming the cause. KIND is one of:
 * null-read, text-write, kernel-read, kernel-write, null-jump, illegal,
 * ebreak, float, stack-overflow.
 */
#include "common/string.h"
#include "lib/stdio.h"

#define KERNEL_ADDRESS 0xffffffc080200000UL

static volatile int keep_going = 1;

/* Uses 1 KiB of stack per call until the stack runs out (keep_going hides that from the compiler). */
static void recurse_forever(volatile char *previous)
{
	volatile char big[1024];
	big[0] = previous ? previous[0] + 1 : 0;
	if (keep_going)
		recurse_forever(big);
}

int main(int argc, char *argv[])
{
	if (argc != 2) {
		printf("usage: fault KIND\n");
		return 1;
	}
	const char *kind = argv[1];
	printf("fault: trying %s\n", kind);
	if (strcmp(kind, "null-read") == 0)
		printf("read %d\n", *(volatile int *)0);
	else if (strcmp(kind, "text-write") == 0)
		*(volatile int *)(void *)main = 0;
	else if (strcmp(kind, "kernel-read") == 0)
		printf("read %d\n", *(volatile int *)KERNEL_ADDRESS);
	else if (strcmp(kind, "kernel-write") == 0)
		*(volatile int *)KERNEL_ADDRESS = 0;
	else if (strcmp(kind, "null-jump") == 0)
		((void (*)(void))0)();
	else if (strcmp(kind, "illegal") == 0)
		asm volatile(
			".word 0"); /* all-zero bits are defined to be illegal (unprivileged spec §1.5) */
	else if (strcmp(kind, "ebreak") == 0)
		asm volatile("ebreak");
	else if (strcmp(kind, "float") == 0)
		asm volatile(".word 0xf0000053"); /* fmv.w.x ft0, zero: the FPU is off */
	else if (strcmp(kind, "stack-overflow") == 0)
		recurse_forever(0);
	else
		printf("fault: unknown kind %s\n", kind);
	printf("fault: %s did not fault!\n", kind);
	return 0;
}
