// LAB util BEGIN
/*
 * primes [N]: prints the primes up to N (default 100) with a pipeline of
 * processes, one per prime. Each stage takes the first number it receives
 * as its prime, prints it, and passes on only the numbers its prime does
 * not divide, to a next stage that it starts when it first needs one.
 * Numbers travel in batches, many to a message. Stages are this program
 * started as "primes stage".
 */
#include <stdint.h>
#include "common/string.h"
#include "lib/ipc.h"
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

#define TYPE_NUMBERS 1
#define TYPE_END 2
#define BATCH_MAX (IPC_PAYLOAD_MAX / sizeof(uint32_t))
/* One process per prime, and the table holds 64: stay well inside it. */
#define N_MAX 250

struct batch {
	struct message message;
	int count;
};

/* Starts the next stage. Returns its pid, or exits if it cannot. */
static int start_stage(void)
{
	char *argv[] = { "primes", "stage", 0 };
	int pid = spawn("primes", argv);
	if (pid < 0) {
		printf("primes: cannot start a stage: %s\n", error_name(pid));
		exit(1);
	}
	return pid;
}

static void send_batch(int to, struct batch *batch)
{
	batch->message.type = TYPE_NUMBERS;
	batch->message.size = batch->count * sizeof(uint32_t);
	ipc_send(to, &batch->message, 0);
	batch->count = 0;
}

/* Adds n to the batch for stage to, sending the batch when it is full. */
static void pass_on(int to, struct batch *batch, uint32_t n)
{
	memcpy(batch->message.payload + batch->count * sizeof(uint32_t), &n, sizeof(n));
	if (++batch->count == BATCH_MAX)
		send_batch(to, batch);
}

/* Sends what is left, then the end mark, and waits for the rest of the pipeline. */
static void finish(int to, struct batch *batch)
{
	if (to <= 0)
		return;
	if (batch->count > 0)
		send_batch(to, batch);
	struct message end = { .type = TYPE_END };
	ipc_send(to, &end, 0);
	wait(to, 0);
}

static int run_stage(void)
{
	uint32_t prime = 0;
	int next = 0;
	static struct batch out;
	struct message in;
	while (ipc_recv(IPC_ANY, &in, 0, 0) == 0 && in.type != TYPE_END) {
		if (in.type != TYPE_NUMBERS)
			continue; /* a notification, such as NOTIFY_CHILD_EXITED */
		for (uint32_t i = 0; i < in.size / sizeof(uint32_t); i++) {
			uint32_t n;
			memcpy(&n, in.payload + i * sizeof(uint32_t), sizeof(n));
			if (prime == 0) {
				prime = n;
				printf("prime %u\n", prime);
			} else if (n % prime != 0) {
				if (next == 0)
					next = start_stage();
				pass_on(next, &out, n);
			}
		}
	}
	finish(next, &out);
	return 0;
}

int main(int argc, char *argv[])
{
	if (argc == 2 && strcmp(argv[1], "stage") == 0)
		return run_stage();
	long limit = argc > 1 ? atol(argv[1]) : 100;
	if (limit < 2 || limit > N_MAX) {
		printf("usage: primes [N], with 2 <= N <= %d\n", N_MAX);
		return 1;
	}
	static struct batch out;
	int first = start_stage();
	for (uint32_t n = 2; n <= (uint32_t)limit; n++)
		pass_on(first, &out, n);
	finish(first, &out);
	printf("primes: done\n");
	return 0;
}
// LAB util STUB
// /*
//  * primes [N]: prints the primes up to N with a pipeline of processes, one
//  * per prime. See labs/util/README.md.
//  */
// #include "lib/stdio.h"
//
// int main(void)
// {
// 	printf("primes: not written yet (lab util)\n");
// 	return 1;
// }
// LAB util END
