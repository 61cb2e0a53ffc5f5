// LAB util BEGIN
/*
 * sleep SECONDS: waits that many seconds.
 */
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

int main(int argc, char *argv[])
{
	if (argc != 2) {
		printf("usage: sleep SECONDS\n");
		return 1;
	}
	return sleep(atol(argv[1]) * TICKS_PER_SECOND) < 0 ? 1 : 0;
}
// LAB util STUB
// /*
//  * sleep SECONDS: waits that many seconds, without using the processor while it waits.
//  */
// #include "lib/stdio.h"
//
// int main(void)
// {
// 	printf("sleep: not written yet (lab util)\n");
// 	return 1;
// }
// LAB util END
