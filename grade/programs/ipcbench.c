/*
 * ipcbench: boot with INIT=ipcbench under QEMU's -icount shift=0 (make
 * bench). Then the cycle counter counts guest instructions, so each figure
 * below is the exact number of instructions one operation costs, averaged
 * over ROUNDS operations, with the cost of the empty timing loop taken off.
 * Prints "bench: NAME INSTRUCTIONS" lines; bench/run.py collects them.
 */
#include <stdint.h>
#include "common/string.h"
#include "lib/cycles.h"
#include "lib/ipc.h"
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

#define ROUNDS 10000
#define BATCH IPC_QUEUE_LENGTH

static uint64_t loop_cost;

static void report(const char *name, uint64_t total, uint64_t operations)
{
	printf("bench: %s %lu\n", name, (unsigned long)(total / operations - loop_cost));
}

static void bench_null_syscall(void)
{
	uint64_t start = read_cycle();
	for (int i = 0; i < ROUNDS; i++) {
		register long a7 asm("a7") = SYS_GETPID;
		register long a0 asm("a0");
		/* The clobbers are those of every kernel call (user/lib/syscall.c). */
		asm volatile("ecall"
			     : "=r"(a0), "+r"(a7)
			     :
			     : "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a1", "a2", "a3", "a4", "a5", "a6",
			       "memory");
	}
	report("null_syscall", read_cycle() - start, ROUNDS);
}

/* Helper "ipcbench echo": answers every call with the message it got. */
static int run_echo_server(void)
{
	struct message m;
	if (ipc_recv(IPC_ANY, &m, 0, 0) != 0)
		return 1;
	for (;;) {
		if (ipc_reply_recv(m.sender, &m, IPC_ANY) != 0)
			return 1;
	}
}

static void bench_roundtrip(int server, unsigned size, const char *name)
{
	struct message m;
	m.type = 1;
	m.size = size;
	memset(m.payload, 7, size);
	ipc_call(server, &m); /* the server is now waiting in reply_recv */
	uint64_t start = read_cycle();
	for (int i = 0; i < ROUNDS; i++)
		ipc_call(server, &m);
	report(name, read_cycle() - start, ROUNDS);
}

/* Helper "ipcbench drain PARENT": on each notification, receives BATCH queued messages and reports their
 * cost. */
static int run_drain(int parent)
{
	struct message m, result;
	for (;;) {
		if (ipc_recv(IPC_KERNEL, &m, 0, 0) != 0)
			return 1;
		uint64_t start = read_cycle();
		for (int i = 0; i < BATCH; i++)
			ipc_recv(parent, &m, 0, 0);
		uint64_t spent = read_cycle() - start;
		result.type = 2;
		result.size = sizeof(spent);
		memcpy(result.payload, &spent, sizeof(spent));
		ipc_send(parent, &result, 0);
	}
}

static void bench_queued(int drain)
{
	struct message m;
	m.type = 3;
	m.size = 32;
	memset(m.payload, 5, m.size);
	uint64_t send_total = 0, recv_total = 0;
	for (int round = 0; round < ROUNDS / BATCH; round++) {
		uint64_t start = read_cycle();
		for (int i = 0; i < BATCH; i++)
			ipc_send(drain, &m, 0); /* the drain waits for notifications only, so these queue */
		send_total += read_cycle() - start;
		ipc_notify(drain, 1);
		struct message result;
		ipc_recv(drain, &result, 0, 0);
		uint64_t spent;
		memcpy(&spent, result.payload, sizeof(spent));
		recv_total += spent;
	}
	uint64_t operations = (ROUNDS / BATCH) * BATCH;
	report("ipc_send_queued_32", send_total, operations);
	report("ipc_recv_queued_32", recv_total, operations);
	report("ipc_queued_send_recv_32", send_total + recv_total, operations);
}

/* Helper "ipcbench ping PARENT": answers each notification with one. */
static int run_ping(int parent)
{
	struct message m;
	for (;;) {
		if (ipc_recv(IPC_KERNEL, &m, 0, 0) != 0)
			return 1;
		ipc_notify(parent, 1);
	}
}

static void bench_notify(int ping)
{
	struct message m;
	uint64_t start = read_cycle();
	for (int i = 0; i < ROUNDS; i++) {
		ipc_notify(ping, 1);
		ipc_recv(IPC_KERNEL, &m, 0, 0);
	}
	/* Each round is two notifications, each waking a process that waits for it. */
	report("notify_wake", read_cycle() - start, 2 * ROUNDS);
}

static int start_helper(const char *role)
{
	char parent[12];
	snprintf(parent, sizeof(parent), "%d", getpid());
	char *argv[] = { "ipcbench", (char *)role, parent, 0 };
	int pid = spawn("ipcbench", argv);
	if (pid < 0)
		printf("bench: cannot start %s: %s\n", role, error_name(pid));
	return pid;
}

int main(int argc, char *argv[])
{
	int parent = argc == 3 ? (int)atol(argv[2]) : 0;
	if (argc == 3 && strcmp(argv[1], "echo") == 0)
		return run_echo_server();
	if (argc == 3 && strcmp(argv[1], "drain") == 0)
		return run_drain(parent);
	if (argc == 3 && strcmp(argv[1], "ping") == 0)
		return run_ping(parent);
	if (!icount_is_on()) {
		printf("bench: icount is off, so cycles are not instructions: refusing to report\n");
		printf("bench: run it with make bench\n");
		return 1;
	}
	loop_cost = empty_loop_cycles(ROUNDS) / ROUNDS;
	printf("bench: empty loop %lu instructions per iteration (taken off every figure)\n",
	       (unsigned long)loop_cost);
	bench_null_syscall();
	int echo = start_helper("echo");
	bench_roundtrip(echo, 0, "ipc_roundtrip_0");
	bench_roundtrip(echo, 32, "ipc_roundtrip_32");
	bench_roundtrip(echo, 200, "ipc_roundtrip_200");
	/* The queued and notify figures need notify (the ipc lab's first task): without it they would wait
	 * forever. */
	long notify = ipc_notify(getpid(), 0);
	if (notify == 0) {
		bench_queued(start_helper("drain"));
		bench_notify(start_helper("ping"));
	} else {
		printf("bench: notify returns %s: no queued or notify figures\n", error_name(notify));
	}
	printf("bench: done\n");
	return 0;
}
