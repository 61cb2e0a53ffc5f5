/*
 * uptime: prints how long the system has been running.
 */
#include "lib/stdio.h"
#include "lib/syscall.h"

int main(void)
{
	long ticks = uptime();
	printf("up %ld.%02ld seconds (%ld ticks)\n", ticks / TICKS_PER_SECOND, ticks % TICKS_PER_SECOND,
	       ticks);
	return 0;
}
