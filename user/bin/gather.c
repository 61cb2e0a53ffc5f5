// LAB util BEGIN
/*
 * gather [N]: starts N workers (default 5, at most 16) that each send one
 * answer, and prints the answers in the order the workers were started, not
 * the order they arrive. Worker i waits longer the smaller i is, so the
 * answers arrive last-first; receiving from one named worker at a time
 * (recv with a pid, not IPC_ANY) puts them back in order while the other
 * answers wait in the queue. Workers are this program started as
 * "gather worker I PARENT".
 */
#include "common/string.h"
#include "lib/ipc.h"
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

#define WORKERS_MAX 16
#define TYPE_ANSWER 1
/* Ticks between two workers' answers: long enough that they arrive in reverse order. */
#define STAGGER_TICKS 3

static int run_worker(long index, int workers, int parent)
{
	sleep((workers - index + 1) * STAGGER_TICKS);
	struct message m = { .type = TYPE_ANSWER, .size = sizeof(long) };
	long answer = index * index;
	memcpy(m.payload, &answer, sizeof(answer));
	printf("gather: worker %ld sends %ld\n", index, answer);
	return ipc_send(parent, &m, 0) == 0 ? 0 : 1;
}

int main(int argc, char *argv[])
{
	if (argc == 5 && strcmp(argv[1], "worker") == 0)
		return run_worker(atol(argv[2]), (int)atol(argv[3]), (int)atol(argv[4]));
	long workers = argc > 1 ? atol(argv[1]) : 5;
	if (argc > 2 || workers < 1 || workers > WORKERS_MAX) {
		printf("usage: gather [N], with 1 <= N <= %d\n", WORKERS_MAX);
		return 1;
	}
	char index_text[8], count_text[8], parent_text[16];
	snprintf(count_text, sizeof(count_text), "%ld", workers);
	snprintf(parent_text, sizeof(parent_text), "%d", getpid());
	char *worker_argv[] = { "gather", "worker", index_text, count_text, parent_text, 0 };
	int pids[WORKERS_MAX];
	for (long i = 1; i <= workers; i++) {
		snprintf(index_text, sizeof(index_text), "%ld", i);
		pids[i - 1] = spawn("gather", worker_argv);
		if (pids[i - 1] < 0) {
			printf("gather: cannot start worker %ld: %s\n", i, error_name(pids[i - 1]));
			return 1;
		}
	}
	int failed = 0;
	for (long i = 1; i <= workers; i++) {
		struct message m;
		long answer = 0;
		if (ipc_recv(pids[i - 1], &m, 0, 0) != 0 || m.type != TYPE_ANSWER ||
		    m.size != sizeof(answer)) {
			printf("gather: no answer from worker %ld\n", i);
			failed = 1;
			continue;
		}
		memcpy(&answer, m.payload, sizeof(answer));
		printf("gather: worker %ld (pid %d) answered %ld\n", i, m.sender, answer);
	}
	for (long i = 1; i <= workers; i++)
		wait(pids[i - 1], 0);
	printf("gather: done\n");
	return failed;
}
// LAB util STUB
// /*
//  * gather [N]: starts N workers that each send one answer, and prints the
//  * answers in the order the workers were started. See labs/util/README.md.
//  */
// #include "lib/stdio.h"
//
// int main(void)
// {
// 	printf("gather: not written yet (lab util)\n");
// 	return 1;
// }
// LAB util END
