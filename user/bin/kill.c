/*
 * kill PID...: asks pm to stop each process. pm refuses to stop servers
 * for ordinary programs (E_PERM).
 */
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

int main(int argc, char *argv[])
{
	if (argc < 2) {
		printf("usage: kill PID...\n");
		return 1;
	}
	int failed = 0;
	for (int i = 1; i < argc; i++) {
		int result = kill((int)atol(argv[i]));
		if (result < 0) {
			printf("kill: %s: %s\n", argv[i], error_name(result));
			failed = 1;
		}
	}
	return failed;
}
