// LAB util BEGIN
/*
 * pingpong [ROUNDS]: two processes bounce a message back and forth ROUNDS
 * times (default 1000) with ipc_call and ipc_reply_recv, and print the rate.
 * The partner is this program started as "pingpong partner".
 */
#include <stdint.h>
#include "common/string.h"
#include "lib/ipc.h"
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

#define TYPE_PING 1
#define TYPE_STOP 2
/* The time CSR counts at the device tree's timebase-frequency: 10 MHz on QEMU virt. */
#define TIME_PER_MICROSECOND 10

static uint64_t read_time(void)
{
	uint64_t value;
	asm volatile("rdtime %0" : "=r"(value));
	return value;
}

/* Answers each ping with the same message, its counter incremented, until told to stop. */
static int run_partner(void)
{
	struct message m;
	if (ipc_recv(IPC_ANY, &m, 0, 0) != 0)
		return 1;
	while (m.type == TYPE_PING) {
		uint32_t counter;
		memcpy(&counter, m.payload, sizeof(counter));
		counter++;
		memcpy(m.payload, &counter, sizeof(counter));
		if (ipc_reply_recv(m.sender, &m, IPC_ANY) != 0)
			return 1;
	}
	return ipc_reply(m.sender, &m);
}

int main(int argc, char *argv[])
{
	if (argc == 2 && strcmp(argv[1], "partner") == 0)
		return run_partner();
	long rounds = argc > 1 ? atol(argv[1]) : 1000;
	if (rounds <= 0) {
		printf("usage: pingpong [ROUNDS]\n");
		return 1;
	}
	char *partner_argv[] = { "pingpong", "partner", 0 };
	int partner = spawn("pingpong", partner_argv);
	if (partner < 0) {
		printf("pingpong: cannot start the partner: %s\n", error_name(partner));
		return 1;
	}
	struct message m = { .type = TYPE_PING, .size = sizeof(uint32_t) };
	uint32_t counter = 0;
	memcpy(m.payload, &counter, sizeof(counter));
	uint64_t start = read_time();
	for (long i = 0; i < rounds; i++) {
		if (ipc_call(partner, &m) != 0) {
			printf("pingpong: the partner stopped answering\n");
			return 1;
		}
	}
	uint64_t microseconds = (read_time() - start) / TIME_PER_MICROSECOND;
	memcpy(&counter, m.payload, sizeof(counter));
	m.type = TYPE_STOP;
	ipc_call(partner, &m);
	wait(partner, 0);
	if (counter != (uint32_t)rounds) {
		printf("pingpong: the counter came back as %u, not %ld\n", counter, rounds);
		return 1;
	}
	printf("pingpong: %ld round trips in %lu us (%lu per second)\n", rounds, (unsigned long)microseconds,
	       (unsigned long)(microseconds > 0 ? rounds * 1000000 / microseconds : 0));
	return 0;
}
// LAB util STUB
// /*
//  * pingpong [ROUNDS]: two processes bounce a message back and forth ROUNDS
//  * times and print the rate. See labs/util/README.md.
//  */
// #include "lib/stdio.h"
//
// int main(void)
// {
// 	printf("pingpong: not written yet (lab util)\n");
// 	return 1;
// }
// LAB util END
