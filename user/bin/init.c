/*
 * init: the first process. It shows off the kernel by running a few
 * programs side by side, then keeps a shell running on the console.
 */
#include "lib/spawn.h"
#include "lib/stdio.h"
#include "lib/syscall.h"

#define DEMO_COUNT 3

int main(void)
{
	printf("init: pid %d, starting %d demo programs\n", getpid(), DEMO_COUNT);
	char *numbers[DEMO_COUNT] = { "1", "2", "3" };
	for (int i = 0; i < DEMO_COUNT; i++) {
		char *argv[] = { "hello", numbers[i], 0 };
		int pid = spawn("hello", argv);
		if (pid < 0)
			printf("init: cannot start hello: %s\n", error_name(pid));
	}
	int status;
	for (int pid; (pid = wait(-1, &status)) > 0;)
		printf("init: pid %d exited with status %d\n", pid, status);

	for (;;) {
		char *argv[] = { "sh", 0 };
		int pid = spawn("sh", argv);
		if (pid < 0) {
			printf("init: cannot start sh: %s\n", error_name(pid));
			return 1;
		}
		wait(pid, &status);
		printf("init: the shell exited (status %d); starting a new one\n", status);
	}
}
