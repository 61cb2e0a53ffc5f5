/*
 * ipctest: boot with INIT=ipctest. Checks the semantics of every IPC call
 * in docs/ipc.md, one numbered check per line ("ipctest: NAME: ok"), and
 * ends with "ipctest: OK". The helper processes it needs are this same
 * program started with a role: "ipctest ROLE ARGS...".
 */
#include "common/string.h"
#include "lib/ipc.h"
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

#define KERNEL_ADDRESS 0xffffffc080200000UL

static int failures;

static void check(const char *what, long got, long expected)
{
	int ok = got == expected;
	printf("ipctest: %s: %s\n", what, ok ? "ok" : "WRONG");
	if (!ok) {
		printf("ipctest:   got %s (%ld), expected %s (%ld)\n", error_name(got), got,
		       error_name(expected), expected);
		failures++;
	}
}

static void check_true(const char *what, int condition)
{
	printf("ipctest: %s: %s\n", what, condition ? "ok" : "WRONG");
	failures += !condition;
}

/* Starts "ipctest role a b" and returns its pid. */
static int start_helper(const char *role, const char *a, const char *b)
{
	char *argv[] = { "ipctest", (char *)role, (char *)a, (char *)b, 0 };
	int pid = spawn("ipctest", argv);
	if (pid < 0)
		printf("ipctest: cannot start helper %s: %s\n", role, error_name(pid));
	return pid;
}

static void make_message(struct message *m, int type, unsigned size, unsigned char fill)
{
	m->type = type;
	m->size = size;
	memset(m->payload, fill, size);
}

static char number_text[4][12];

/* Formats n for a helper's argv (up to four at a time). */
static char *text_of(int slot, long n)
{
	snprintf(number_text[slot], sizeof(number_text[slot]), "%ld", n);
	return number_text[slot];
}

/* Waits for notification bits from helpers; returns all bits seen. */
static unsigned long wait_for_bits(unsigned long wanted)
{
	unsigned long seen = 0;
	struct message m;
	while ((seen & wanted) != wanted && ipc_recv(IPC_KERNEL, &m, 0, 0) == 0) {
		unsigned long bits;
		memcpy(&bits, m.payload, sizeof(bits));
		seen |= bits;
	}
	return seen;
}

/* ---- helper roles ---- */

/* "send-sequence PARENT COUNT": sends COUNT messages of types 0..COUNT-1, forging the sender field. */
static int role_send_sequence(int parent, int count)
{
	struct message m;
	for (int i = 0; i < count; i++) {
		make_message(&m, i, 4, (unsigned char)i);
		m.sender = 999;
		if (ipc_send(parent, &m, 0) != 0)
			return 1;
	}
	return 0;
}

/* "fill-queue PARENT": fills the parent's queue, checks IPC_NONBLOCK, then blocks on 4 more. */
static int role_fill_queue(int parent)
{
	struct message m;
	int result = 0;
	for (int i = 0; i < IPC_QUEUE_LENGTH; i++) {
		make_message(&m, i, 0, 0);
		result |= ipc_send(parent, &m, IPC_NONBLOCK);
	}
	make_message(&m, 99, 0, 0);
	int full = ipc_send(parent, &m, IPC_NONBLOCK);
	ipc_notify(parent, full == -E_AGAIN && result == 0 ? 1 : 4);
	for (int i = IPC_QUEUE_LENGTH; i < IPC_QUEUE_LENGTH + 4; i++) {
		make_message(&m, i, 0, 0);
		result |= ipc_send(parent, &m, 0); /* waits until the parent makes room */
	}
	ipc_notify(parent, 2);
	return result != 0;
}

/* "send-one PARENT TYPE BIT": sends one message of TYPE, then notifies BIT. */
static int role_send_one(int parent, int type, int bit)
{
	struct message m;
	make_message(&m, type, 0, 0);
	int result = ipc_send(parent, &m, 0);
	ipc_notify(parent, 1UL << bit);
	return result != 0;
}

/* "adder": serves calls until told to stop: replies with the sum of the payload bytes. */
static int role_adder(void)
{
	struct message m;
	int result = ipc_recv(IPC_ANY, &m, 0, 0);
	while (result == 0 && m.type != 0) {
		unsigned sum = 0;
		for (unsigned i = 0; i < m.size; i++)
			sum += m.payload[i];
		int client = m.sender;
		m.type = 1;
		m.size = sizeof(sum);
		memcpy(m.payload, &sum, sizeof(sum));
		result = ipc_reply_recv(client, &m, IPC_ANY);
	}
	return result;
}

/* "notifier PARENT": notifies the parent three times, then exits. */
static int role_notifier(int parent)
{
	return ipc_notify(parent, 1) | ipc_notify(parent, 2) | ipc_notify(parent, 4);
}

/* "victim": waits for a notification, then exits without answering anyone. */
static int role_victim(void)
{
	struct message m;
	return ipc_recv(IPC_KERNEL, &m, 0, 0);
}

/* "call-victim VICTIM": calls the victim; exit status 0 if the call ends in E_DEAD. */
static int role_call_victim(int victim)
{
	struct message m;
	make_message(&m, 5, 8, 1);
	return ipc_call(victim, &m) == -E_DEAD ? 0 : 1;
}

/* "flood-victim VICTIM": sends until blocked on the victim's full queue; status 0 if that send ends in
 * E_DEAD. */
static int role_flood_victim(int victim)
{
	struct message m;
	make_message(&m, 6, 0, 0);
	for (int i = 0; i <= IPC_QUEUE_LENGTH; i++) {
		int result = ipc_send(victim, &m, 0);
		if (result != 0)
			return result == -E_DEAD ? 0 : 1;
	}
	return 1;
}

/* "answer-parent PARENT": waits for a message from the parent only, and answers it. */
static int role_answer_parent(int parent)
{
	struct message m;
	if (ipc_recv(parent, &m, 0, 0) != 0)
		return 1;
	m.type = 10;
	return ipc_reply(parent, &m);
}

/* "slow-echo PARENT": after 5 ticks, takes 17 messages from the parent, then answers one call with type +
 * 100. */
static int role_slow_echo(int parent)
{
	struct message m;
	sleep(5);
	for (int i = 0; i < IPC_QUEUE_LENGTH + 1; i++) {
		if (ipc_recv(parent, &m, 0, 0) != 0)
			return 1;
	}
	if (ipc_recv(parent, &m, 0, 0) != 0)
		return 1;
	m.type += 100;
	return ipc_reply(parent, &m);
}

/* "call-back": receives a call, calls the caller back (a cycle), replies with what that returned. */
static int role_call_back(void)
{
	struct message m;
	if (ipc_recv(IPC_ANY, &m, 0, 0) != 0)
		return 1;
	int caller = m.sender;
	struct message back;
	make_message(&back, 7, 0, 0);
	long result = ipc_call(caller, &back);
	make_message(&m, 8, sizeof(result), 0);
	memcpy(m.payload, &result, sizeof(result));
	return ipc_reply(caller, &m);
}

static int run_role(int argc, char *argv[])
{
	const char *role = argv[1];
	int a = argc > 2 ? (int)atol(argv[2]) : 0;
	int b = argc > 3 ? (int)atol(argv[3]) : 0;
	if (strcmp(role, "send-sequence") == 0)
		return role_send_sequence(a, b);
	if (strcmp(role, "fill-queue") == 0)
		return role_fill_queue(a);
	if (strcmp(role, "send-one") == 0)
		return role_send_one(a, b, b);
	if (strcmp(role, "adder") == 0)
		return role_adder();
	if (strcmp(role, "notifier") == 0)
		return role_notifier(a);
	if (strcmp(role, "victim") == 0)
		return role_victim();
	if (strcmp(role, "call-victim") == 0)
		return role_call_victim(a);
	if (strcmp(role, "flood-victim") == 0)
		return role_flood_victim(a);
	if (strcmp(role, "call-back") == 0)
		return role_call_back();
	if (strcmp(role, "answer-parent") == 0)
		return role_answer_parent(a);
	if (strcmp(role, "slow-echo") == 0)
		return role_slow_echo(a);
	printf("ipctest: unknown role %s\n", role);
	return 2;
}

/* ---- the checks, run by the parent ---- */

static int child_status(int pid)
{
	int status = -100;
	if (pid > 0)
		wait(pid, &status);
	return status;
}

static void check_fifo_and_sender(int me)
{
	int child = start_helper("send-sequence", text_of(0, me), "10");
	struct message m;
	int in_order = 1, stamped = 1;
	for (int i = 0; i < 10; i++) {
		if (ipc_recv(child, &m, 0, 0) != 0 || m.type != i || m.size != 4 || m.payload[3] != i)
			in_order = 0;
		if (m.sender != child)
			stamped = 0;
	}
	check_true("ten messages from one sender arrive in order", in_order);
	check_true("the kernel stamps the sender (a forged 999 is overwritten)", stamped);
	check("the sender exits cleanly", child_status(child), 0);
	ipc_recv(IPC_KERNEL, &m, IPC_NONBLOCK, 0); /* drop NOTIFY_CHILD_EXITED */
}

static void check_full_queue(int me)
{
	int child = start_helper("fill-queue", text_of(0, me), 0);
	unsigned long bits = wait_for_bits(1);
	check_true("a nonblocking send to a full queue gives E_AGAIN", (bits & 5) == 1);
	sleep(5); /* time enough for the child to finish, if a full queue did not block it */
	struct message m;
	check("a blocking send to a full queue waits", ipc_recv(IPC_KERNEL, &m, IPC_NONBLOCK, 0), -E_AGAIN);
	int in_order = 1;
	for (int i = 0; i < IPC_QUEUE_LENGTH + 4; i++) {
		if (ipc_recv(child, &m, 0, 0) != 0 || m.type != i)
			in_order = 0;
	}
	check_true("the 20 messages arrive in order", in_order);
	check("the blocked sender finished once there was room", (long)(wait_for_bits(2) & 2), 2);
	check("the filler exits cleanly", child_status(child), 0);
	ipc_recv(IPC_KERNEL, &m, IPC_NONBLOCK, 0);
}

static void check_recv_from_one_sender(int me)
{
	int first = start_helper("send-one", text_of(0, me), "1");
	int second = start_helper("send-one", text_of(1, me), "2");
	wait_for_bits(6);
	struct message m;
	check_true("recv from the second sender", ipc_recv(second, &m, 0, 0) == 0 && m.sender == second);
	check_true("the first sender's message is still queued",
		   ipc_recv(first, &m, IPC_NONBLOCK, 0) == 0 && m.sender == first);
	child_status(first);
	child_status(second);
	while (ipc_recv(IPC_KERNEL, &m, IPC_NONBLOCK, 0) == 0)
		;
	check("and nothing else was queued", ipc_recv(IPC_ANY, &m, IPC_NONBLOCK, 0), -E_AGAIN);
}

static void check_call_reply(void)
{
	int server = start_helper("adder", 0, 0);
	struct message m;
	int sums_ok = 1;
	for (unsigned size = 0; size <= IPC_PAYLOAD_MAX; size += 40) {
		make_message(&m, 3, size, 2);
		unsigned sum = 0;
		if (ipc_call(server, &m) != 0 || m.sender != server || m.type != 1)
			sums_ok = 0;
		memcpy(&sum, m.payload, sizeof(sum));
		if (sum != 2 * size)
			sums_ok = 0;
	}
	check_true("call/reply with payloads of 0 to 240 bytes", sums_ok);
	make_message(&m, 3, IPC_PAYLOAD_MAX + 1, 0);
	check("a payload over 240 bytes gives E_2BIG", ipc_call(server, &m), -E_2BIG);
	check("a reply to a process that is not calling gives E_INVAL", ipc_reply(server, &m), -E_INVAL);
	check("a call with a read-only buffer gives E_FAULT", ipc_call(server, (struct message *)check),
	      -E_FAULT);
	check("a call from kernel memory gives E_FAULT", ipc_call(server, (struct message *)KERNEL_ADDRESS),
	      -E_FAULT);
	check("sending from a null pointer gives E_FAULT", ipc_send(server, 0, 0), -E_FAULT);
	make_message(&m, 0, 0, 0);
	ipc_send(server, &m, 0); /* type 0: stop */
	check("the server exits cleanly", child_status(server), 0);
	check("calling a server that has exited gives E_DEAD", ipc_call(server, &m), -E_DEAD);
	ipc_recv(IPC_KERNEL, &m, IPC_NONBLOCK, 0);
}

static void check_notifications(int me)
{
	int child = start_helper("notifier", text_of(0, me), 0);
	child_status(child);
	struct message m;
	unsigned long bits = 0;
	int result = ipc_recv(IPC_ANY, &m, 0, 0);
	memcpy(&bits, m.payload, sizeof(bits));
	check("three notifications arrive as one message from the kernel",
	      result == 0 && m.sender == IPC_KERNEL && m.type == MSG_NOTIFY, 1);
	check("their bits are ORed together (with NOTIFY_CHILD_EXITED)", (long)bits,
	      (long)(7 | NOTIFY_CHILD_EXITED));
	check("and nothing more is pending", ipc_recv(IPC_ANY, &m, IPC_NONBLOCK, 0), -E_AGAIN);
	check("programs cannot raise the kernel's bits", ipc_notify(me, NOTIFY_ALARM), -E_INVAL);
	check("notifying a process that exited gives E_DEAD", ipc_notify(child, 1), -E_DEAD);
	check("notifying pid 12345 gives E_SRCH", ipc_notify(12345, 1), -E_SRCH);
	long before = uptime();
	check("alarm(3)", alarm(3), 0);
	result = ipc_recv(IPC_KERNEL, &m, 0, 0);
	memcpy(&bits, m.payload, sizeof(bits));
	check_true("the alarm arrives as a notification", result == 0 && bits == NOTIFY_ALARM);
	check_true("no sooner than 3 ticks", uptime() - before >= 3);
}

/*
 * A process that received into one buffer and then waited in a send from
 * another must have its next call read that other buffer: the kernel keeps
 * the address of the last buffer it located, and must not use a stale one.
 */
static void check_buffers_are_not_mixed_up(int me)
{
	static struct message first, second;
	int echo = start_helper("slow-echo", text_of(0, me), 0);
	ipc_notify(me, 1);
	ipc_recv(IPC_KERNEL, &first, 0, 0); /* locates "first" */
	make_message(&second, 42, 16, 9);
	for (int i = 0; i < IPC_QUEUE_LENGTH + 1; i++)
		ipc_send(echo, &second, 0); /* the last one waits for room, from "second" */
	make_message(&second, 43, 16, 7);
	int result = ipc_call(echo, &second);
	check_true("a call after a blocked send uses its own buffer",
		   result == 0 && second.type == 143 && second.payload[15] == 7 && first.type == MSG_NOTIFY);
	child_status(echo);
	while (ipc_recv(IPC_KERNEL, &first, IPC_NONBLOCK, 0) == 0)
		;
}

static void check_timeout(void)
{
	struct message m;
	long before = uptime();
	check("recv with a 5-tick timeout and no message gives E_TIMEDOUT", ipc_recv(IPC_ANY, &m, 0, 5),
	      -E_TIMEDOUT);
	check_true("after at least 5 ticks", uptime() - before >= 5);
	check("a negative timeout gives E_INVAL", ipc_recv(IPC_ANY, &m, 0, -1), -E_INVAL);
}

static void check_death(int me)
{
	(void)me;
	int victim = start_helper("victim", 0, 0);
	int caller = start_helper("call-victim", text_of(0, victim), 0);
	int flooder = start_helper("flood-victim", text_of(1, victim), 0);
	sleep(10); /* let them block on the victim; if they are late they see E_DEAD all the same */
	ipc_notify(victim, 1);
	struct message m;
	check("recv from a process that exits while we wait gives E_DEAD", ipc_recv(victim, &m, 0, 0),
	      -E_DEAD);
	check("a caller of the dead process wakes with E_DEAD", child_status(caller), 0);
	check("a sender blocked on its full queue wakes with E_DEAD", child_status(flooder), 0);
	child_status(victim);
	while (ipc_recv(IPC_KERNEL, &m, IPC_NONBLOCK, 0) == 0)
		;
}

static void check_cycles_and_errors(int me)
{
	int partner = start_helper("call-back", 0, 0);
	struct message m;
	make_message(&m, 9, 0, 0);
	long inner = 0;
	int result = ipc_call(partner, &m);
	memcpy(&inner, m.payload, sizeof(inner));
	check("A calls B, B calls A back: B's call gives E_DEADLK", result == 0 ? inner : result, -E_DEADLK);
	child_status(partner);
	int answerer = start_helper("answer-parent", text_of(0, me), 0);
	sleep(2); /* let it start waiting for us; if it is late, the call is queued and works all the same */
	make_message(&m, 9, 0, 0);
	check("calling a process that waits for us alone is no deadlock", ipc_call(answerer, &m), 0);
	check_true("and its answer arrives", m.type == 10 && m.sender == answerer);
	child_status(answerer);
	check("calling yourself gives E_INVAL", ipc_call(me, &m), -E_INVAL);
	check("sending to yourself gives E_INVAL", ipc_send(me, &m, 0), -E_INVAL);
	check("sending to pid 12345 gives E_SRCH", ipc_send(12345, &m, 0), -E_SRCH);
	check("sending to a process that exited gives E_DEAD", ipc_send(partner, &m, 0), -E_DEAD);
	check("receiving into a read-only page gives E_FAULT",
	      ipc_recv(IPC_ANY, (struct message *)check, 0, 0), -E_FAULT);
	check("receiving from pid 12345 gives E_SRCH", ipc_recv(12345, &m, 0, 0), -E_SRCH);
	while (ipc_recv(IPC_KERNEL, &m, IPC_NONBLOCK, 0) == 0)
		;
}

int main(int argc, char *argv[])
{
	if (argc > 1)
		return run_role(argc, argv);
	int me = getpid();
	check_fifo_and_sender(me);
	check_full_queue(me);
	check_recv_from_one_sender(me);
	check_call_reply();
	check_notifications(me);
	check_timeout();
	check_buffers_are_not_mixed_up(me);
	check_death(me);
	check_cycles_and_errors(me);
	printf("ipctest: %s (%d failures)\n", failures == 0 ? "OK" : "FAILED", failures);
	return failures;
}
