/*
 * ipclabtest PART: the ipc lab's grader. PART "calls" checks call/reply
 * between two address spaces (payload sizes, the kernel-stamped sender,
 * many round trips, a server answering several clients with reply_recv);
 * PART "notify" checks notifications (coalescing, waking a receiver,
 * alarms, errors). Each part ends in a verdict carrying the grader's token.
 * Roles: "ipclabtest echo PARENT", "ipclabtest client SERVER N",
 * "ipclabtest listener PARENT".
 */
#include "common/errors.h"
#include "common/string.h"
#include "lib/ipc.h"
#include "lib/process.h"
#include "lib/selfcheck.h"
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

#define TYPE_ECHO 1
#define TYPE_STOP 2
#define TYPE_REPORT 3
#define TYPE_GO 4
#define ROUNDS 2000
#define CLIENTS 3
/*
 * How long the notify part waits for a report or an alarm, in ticks (10 s):
 * a notification that never arrives fails its check instead of hanging the
 * test until the grader's timeout.
 */
#define PATIENCE_TICKS 1000

/* Fills a payload with a pattern that depends on seed, so a wrong byte anywhere shows. */
static void fill(struct message *m, uint32_t size, int seed)
{
	m->size = size;
	for (uint32_t i = 0; i < size; i++)
		m->payload[i] = (uint8_t)(seed * 31 + i * 7);
}

/* Serves until told to stop: answers each request with the pattern for seed+1, and who asked in type. */
static int run_echo(void)
{
	struct message m;
	if (ipc_recv(IPC_ANY, &m, 0, 0) != 0)
		return 1;
	while (m.type != TYPE_STOP) {
		int seed = m.size > 0 ? m.payload[0] : 0;
		int size = m.size;
		int sender = m.sender;
		fill(&m, size, seed + 1);
		m.type = sender;
		if (ipc_reply_recv(sender, &m, IPC_ANY) != 0)
			return 1;
	}
	return ipc_reply(m.sender, &m) == 0 ? 0 : 1;
}

static int start(char *argv[])
{
	int pid = spawn(argv[0], argv);
	if (pid < 0)
		printf("ipclabtest: cannot start %s: %d\n", argv[1], pid);
	return pid;
}

/* One call with size bytes; the answer must carry the next pattern and name us as the caller. */
static int echo_once(int server, uint32_t size, int seed)
{
	struct message m = { .type = TYPE_ECHO };
	fill(&m, size, seed);
	if (size > 0)
		m.payload[0] = (uint8_t)seed;
	int result = ipc_call(server, &m);
	if (result != 0)
		return result;
	if (m.sender != server || m.type != getpid())
		return -1;
	struct message expected;
	fill(&expected, size, (size > 0 ? seed : 0) + 1);
	return m.size == size && memcmp(m.payload, expected.payload, size) == 0 ? 0 : -2;
}

static int run_client(int server, int rounds)
{
	for (int i = 0; i < rounds; i++) {
		if (echo_once(server, 32, i % 200) != 0)
			return 1;
	}
	return 0;
}

static void check_calls(void)
{
	char parent[16];
	snprintf(parent, sizeof(parent), "%d", getpid());
	char *echo_argv[] = { "ipclabtest", "echo", parent, 0 };
	int server = start(echo_argv);
	static const uint32_t sizes[] = { 0, 1, 32, 200, IPC_PAYLOAD_MAX };
	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		char what[64];
		snprintf(what, sizeof(what), "a call with %u bytes comes back intact", sizes[i]);
		selfcheck(what, echo_once(server, sizes[i], 5 + i), 0);
	}
	int failed_round = 0;
	for (int i = 0; i < ROUNDS && failed_round == 0; i++) {
		if (echo_once(server, 32, i % 200) != 0)
			failed_round = i + 1;
	}
	selfcheck("2000 round trips in a row", failed_round, 0);

	char server_text[16], rounds_text[16];
	snprintf(server_text, sizeof(server_text), "%d", server);
	snprintf(rounds_text, sizeof(rounds_text), "%d", ROUNDS / 4);
	char *client_argv[] = { "ipclabtest", "client", server_text, rounds_text, 0 };
	int clients[CLIENTS];
	for (int i = 0; i < CLIENTS; i++)
		clients[i] = start(client_argv);
	int all_ok = 1;
	for (int i = 0; i < CLIENTS; i++) {
		int status = -1;
		wait(clients[i], &status);
		all_ok = all_ok && status == 0;
	}
	selfcheck("three clients at once each get their own answers", all_ok, 1);

	struct message stop = { .type = TYPE_STOP };
	selfcheck("the server stops when asked", ipc_call(server, &stop), 0);
	int status = -1;
	wait(server, &status);
	selfcheck("the server exits cleanly", status, 0);
}

/*
 * Each round: waits for TYPE_GO from the parent (a receive from one pid,
 * which leaves notifications pending), then for notifications, and reports
 * the mask it got. Ends after a mask with bit 0.
 */
static int run_listener(int parent)
{
	for (;;) {
		struct message m;
		if (ipc_recv(parent, &m, 0, 0) != 0 || m.type != TYPE_GO)
			return 1;
		if (ipc_recv(IPC_KERNEL, &m, 0, 0) != 0 || m.type != MSG_NOTIFY)
			return 1;
		uint64_t bits;
		memcpy(&bits, m.payload, sizeof(bits));
		struct message report = { .type = TYPE_REPORT, .size = sizeof(bits) };
		memcpy(report.payload, &bits, sizeof(bits));
		if (ipc_send(parent, &report, 0) != 0)
			return 1;
		if (bits & 1)
			return 0;
	}
}

static void go(int listener)
{
	struct message m = { .type = TYPE_GO };
	ipc_send(listener, &m, 0);
}

static uint64_t next_report(int listener)
{
	struct message m;
	if (ipc_recv(listener, &m, 0, PATIENCE_TICKS) != 0 || m.type != TYPE_REPORT)
		return 0;
	uint64_t bits;
	memcpy(&bits, m.payload, sizeof(bits));
	return bits;
}

/* Receives notifications until one has NOTIFY_ALARM (others, such as NOTIFY_CHILD_EXITED, may come first). */
static int alarm_arrives(void)
{
	for (int i = 0; i < 10; i++) {
		struct message m;
		if (ipc_recv(IPC_KERNEL, &m, 0, PATIENCE_TICKS) != 0 || m.type != MSG_NOTIFY)
			return 0;
		uint64_t bits;
		memcpy(&bits, m.payload, sizeof(bits));
		if (bits & NOTIFY_ALARM)
			return 1;
	}
	return 0;
}

static void check_notifications(void)
{
	char parent[16];
	snprintf(parent, sizeof(parent), "%d", getpid());
	char *listener_argv[] = { "ipclabtest", "listener", parent, 0 };
	int listener = start(listener_argv);

	go(listener);
	sleep(2); /* long enough for the listener to be waiting in its receive */
	selfcheck("notify a waiting process", ipc_notify(listener, 1UL << 4), 0);
	selfcheck("the waiting process wakes with exactly that bit", (long)next_report(listener), 1L << 4);

	/* The listener now waits for TYPE_GO only: these stay pending and coalesce into one message. */
	ipc_notify(listener, 1UL << 5);
	ipc_notify(listener, 1UL << 6);
	ipc_notify(listener, 1UL << 5);
	go(listener);
	selfcheck("notifications sent before a receive coalesce", (long)next_report(listener), 3L << 5);

	selfcheck("a kernel bit is refused", ipc_notify(listener, NOTIFY_ALARM), -E_INVAL);
	selfcheck("notify to a pid that never existed", ipc_notify(12345, 1), -E_SRCH);
	go(listener);
	selfcheck("the last notification ends the listener", ipc_notify(listener, 1), 0);
	selfcheck("it reports that bit", (long)next_report(listener), 1);
	/* After a failure above the listener may still wait for a notification: waiting for it would hang. */
	if (selfcheck_failures() == 0) {
		int status = -1;
		wait(listener, &status);
		selfcheck("the listener exits cleanly", status, 0);
	}

	long start_ticks = uptime();
	long armed = alarm(5);
	selfcheck("alarm(5)", armed, 0);
	if (armed == 0) {
		selfcheck("the alarm arrives as a notification", alarm_arrives(), 1);
		selfcheck("not before its 5 ticks", uptime() - start_ticks >= 5, 1);
	}
}

int main(int argc, char *argv[])
{
	if (argc == 3 && strcmp(argv[1], "echo") == 0)
		return run_echo();
	if (argc == 4 && strcmp(argv[1], "client") == 0)
		return run_client((int)atol(argv[2]), (int)atol(argv[3]));
	if (argc == 3 && strcmp(argv[1], "listener") == 0)
		return run_listener((int)atol(argv[2]));
	selfcheck_start("ipclabtest", argc, argv);
	const char *part = argc > 1 ? argv[argc - 1] : "";
	if (strcmp(part, "calls") == 0) {
		check_calls();
	} else if (strcmp(part, "notify") == 0) {
		check_notifications();
	} else {
		printf("usage: ipclabtest calls|notify\n");
		return 1;
	}
	return selfcheck_verdict();
}
