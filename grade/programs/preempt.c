/*
 * preempt: boot with INIT=preempt. Runs two spin programs, each printing
 * ROUNDS progress lines, and waits for both. With CPUS=1 their lines
 * interleave only if the timer preempts them; grade/ checks that.
 */
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/syscall.h"

int main(void)
{
	char *spin_a[] = { "spin", "A", "8", 0 };
	char *spin_b[] = { "spin", "B", "8", 0 };
	int pid_a = spawn("spin", spin_a);
	int pid_b = spawn("spin", spin_b);
	if (pid_a < 0 || pid_b < 0) {
		printf("preempt: cannot spawn spin: %s\n", error_name(pid_a < 0 ? pid_a : pid_b));
		return 1;
	}
	int status_a, status_b;
	wait(pid_a, &status_a);
	wait(pid_b, &status_b);
	printf("preempt: both finished, status %d and %d\n", status_a, status_b);
	return 0;
}
