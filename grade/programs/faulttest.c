/*
 * faulttest: boot with INIT=faulttest. Runs "fault KIND" for every kind of
 * fault and checks that each one was killed (exit status -1) while this
 * process carries on; then shows the system still runs programs.
 */
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/syscall.h"

static char *kinds[] = {
	"null-read", "text-write", "kernel-read", "kernel-write",   "null-jump",
	"illegal",   "ebreak",     "float",       "stack-overflow",
};

int main(void)
{
	int failures = 0;
	int count = sizeof(kinds) / sizeof(kinds[0]);
	for (int i = 0; i < count; i++) {
		char *argv[] = { "fault", kinds[i], 0 };
		int pid = spawn("fault", argv);
		int status = 0;
		if (pid > 0)
			wait(pid, &status);
		int killed = pid > 0 && status == -1;
		printf("faulttest: %s: %s\n", kinds[i], killed ? "killed" : "NOT KILLED");
		failures += !killed;
	}
	char *argv[] = { "hello", "42", 0 };
	int pid = spawn("hello", argv);
	int status = -2;
	if (pid > 0)
		wait(pid, &status);
	printf("faulttest: a new program after the faults exited with status %d\n", status);
	failures += status != 0;
	printf("faulttest: %s (%d failures)\n", failures == 0 ? "OK" : "FAILED", failures);
	return failures;
}
