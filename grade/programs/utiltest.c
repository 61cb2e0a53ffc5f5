/*
 * utiltest PART: the util lab's grader runs the student's program for PART
 * (sleep, pingpong, primes or gather) as a child, checks how it ended, and
 * prints a verdict carrying the grader's token. grade/test_lab_util.py
 * checks the program's own output in the transcript.
 */
#include "common/string.h"
#include "lib/process.h"
#include "lib/selfcheck.h"
#include "lib/stdio.h"
#include "lib/syscall.h"

/* Runs argv as a child and returns its exit status (or the error that stopped it from starting). */
static int run(char *argv[])
{
	int pid = spawn(argv[0], argv);
	if (pid < 0)
		return pid;
	int status = -1;
	wait(pid, &status);
	return status;
}

static void check_sleep(void)
{
	char *argv[] = { "sleep", "2", 0 };
	long start = uptime();
	selfcheck("sleep 2 exits with status 0", run(argv), 0);
	long elapsed = uptime() - start;
	selfcheck("sleep 2 takes at least 2 seconds", elapsed >= 2 * TICKS_PER_SECOND, 1);
	selfcheck("sleep 2 takes less than 20 seconds", elapsed < 20 * TICKS_PER_SECOND, 1);
	char *no_argument[] = { "sleep", 0 };
	selfcheck("sleep without a number exits with status 1", run(no_argument), 1);
}

int main(int argc, char *argv[])
{
	selfcheck_start("utiltest", argc, argv);
	const char *part = argc > 1 ? argv[argc - 1] : "";
	if (strcmp(part, "sleep") == 0) {
		check_sleep();
	} else if (strcmp(part, "pingpong") == 0) {
		char *pingpong[] = { "pingpong", "100", 0 };
		selfcheck("pingpong 100 exits with status 0", run(pingpong), 0);
	} else if (strcmp(part, "primes") == 0) {
		char *primes[] = { "primes", "100", 0 };
		selfcheck("primes 100 exits with status 0", run(primes), 0);
	} else if (strcmp(part, "gather") == 0) {
		char *gather[] = { "gather", "6", 0 };
		selfcheck("gather 6 exits with status 0", run(gather), 0);
	} else {
		printf("usage: utiltest sleep|pingpong|primes|gather\n");
		return 1;
	}
	return selfcheck_verdict();
}
