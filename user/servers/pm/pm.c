/*
 * pm, the process manager. It starts programs from the boot image for
 * anyone who asks, and so is the kernel parent of every process but init
 * and itself; it hands out exit statuses to whoever asked for each process
 * (its "parent" here), stops processes, lists them, and answers name
 * lookups for the servers it started. Its protocol is in pm_protocol.h;
 * docs/servers.md explains who may do what.
 *
 * pm never calls another server, so a server may call pm while serving
 * its own clients without any chance of a cycle. It prints only errors,
 * through the kernel's debug console.
 */
#include "common/privileges.h"
#include "common/string.h"
#include "lib/ipc.h"
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/syscall.h"
#include "pm_protocol.h"

#define MAX_PROCESSES 64
#define NOT_WAITING 0
#define INIT_PID 1 /* the kernel's first process; it starts pm */

struct process {
	int pid; /* 0: a free entry */
	int parent;
	char name[PM_NAME_MAX];
	unsigned privileges;
	int is_server;
	int exited;
	int status;
	int waiting_for; /* blocked in PM_WAIT for this child (-1: any), or NOT_WAITING */
};

static struct process table[MAX_PROCESSES];

static struct process *find(int pid)
{
	for (int i = 0; i < MAX_PROCESSES; i++) {
		if (pid != 0 && table[i].pid == pid)
			return &table[i];
	}
	return 0;
}

static struct process *free_entry(void)
{
	for (int i = 0; i < MAX_PROCESSES; i++) {
		if (table[i].pid == 0)
			return &table[i];
	}
	return 0;
}

static void add(struct process *entry, int pid, int parent, const char *name, unsigned privileges,
		int is_server)
{
	memset(entry, 0, sizeof(*entry));
	entry->pid = pid;
	entry->parent = parent;
	strlcpy(entry->name, name, sizeof(entry->name));
	entry->privileges = privileges;
	entry->is_server = is_server;
}

/* What a requester may pass on: unknown processes (started without pm) hold nothing. */
static unsigned privileges_of(int pid)
{
	struct process *entry = find(pid);
	return entry != 0 ? entry->privileges : PRIV_NONE;
}

/* ---- PM_SPAWN ---- */

/* Splits the packed name and arguments into name and argv. Returns 0, or -E_INVAL if they are malformed. */
static int unpack_arguments(const struct pm_spawn *request, uint32_t text_size, const char **name,
			    char *argv[])
{
	const char *text = request->argv_text;
	uint32_t used = 0;
	if (request->argc == 0 || request->argc > PM_ARGS_MAX)
		return -E_INVAL;
	for (uint32_t i = 0; i <= request->argc; i++) {
		const char *string = text + used;
		while (used < text_size && text[used] != '\0')
			used++;
		if (used == text_size)
			return -E_INVAL; /* not NUL-terminated inside the message */
		used++;
		if (i == 0)
			*name = string;
		else
			argv[i - 1] = (char *)string;
	}
	argv[request->argc] = 0;
	return 0;
}

static int spawn_request(int requester, const struct message *message)
{
	const struct pm_spawn *request = (const struct pm_spawn *)message->payload;
	uint32_t header = sizeof(*request) - sizeof(request->argv_text);
	if (message->size < header || message->size > sizeof(*request))
		return -E_INVAL;
	const char *name = 0;
	char *argv[PM_ARGS_MAX + 1];
	int error = unpack_arguments(request, message->size - header, &name, argv);
	if (error < 0 || (request->flags & ~PM_SPAWN_SERVER) != 0)
		return -E_INVAL;
	unsigned held = privileges_of(requester);
	if ((request->privileges & ~held) != 0)
		return -E_PERM;
	/* Only a process that may spawn on its own (init) may register a server name. */
	if ((request->flags & PM_SPAWN_SERVER) && !(held & PRIV_SPAWN))
		return -E_PERM;
	unsigned long size;
	const void *image = boot_image_program(name, &size);
	if (image == 0)
		return -E_NOEXEC;
	struct process *entry = free_entry();
	if (entry == 0)
		return -E_NOMEM;
	int services = getpid();
	/* A child starts with its creator's trace mask, so pm wears the one asked for during this call. */
	long previous_mask = trace(request->trace_mask);
	int pid = spawn_image(image, size, argv, request->privileges, services);
	trace(previous_mask);
	if (pid < 0)
		return pid;
	add(entry, pid, requester, name, request->privileges, request->flags & PM_SPAWN_SERVER);
	return pid;
}

/* ---- PM_WAIT and exits ---- */

/* Puts child's pid and exit status in reply and forgets the child: its status has been handed over. */
static void hand_over_exit(struct process *child, struct message *reply)
{
	struct pm_exit *result = (struct pm_exit *)reply->payload;
	result->pid = child->pid;
	result->status = child->status;
	reply->type = 0;
	reply->size = sizeof(*result);
	memset(child, 0, sizeof(*child));
}

static void reply_exit(int waiter, struct process *child)
{
	struct message reply;
	hand_over_exit(child, &reply);
	ipc_reply(waiter, &reply); /* a waiter that died meanwhile gets nothing, and needs nothing */
}

static int matches(const struct process *child, int parent, int pid)
{
	return child->pid != 0 && child->parent == parent && (pid == -1 || child->pid == pid);
}

/* Returns 1 if the reply went out, 0 if the requester now waits, or an error. */
static int wait_request(int requester, const struct message *message, struct message *reply)
{
	const struct pm_pid *request = (const struct pm_pid *)message->payload;
	if (message->size != sizeof(*request) || request->pid == 0 || request->pid < -1)
		return -E_INVAL;
	int has_child = 0;
	for (int i = 0; i < MAX_PROCESSES; i++) {
		if (!matches(&table[i], requester, request->pid))
			continue;
		has_child = 1;
		if (table[i].exited) {
			hand_over_exit(&table[i], reply);
			return 1;
		}
	}
	struct process *waiter = find(requester);
	if (!has_child || waiter == 0)
		return -E_CHILD;
	waiter->waiting_for = request->pid;
	return 0;
}

static void child_exited(int pid, int status)
{
	struct process *child = find(pid);
	if (child == 0)
		return;
	child->exited = 1;
	child->status = status;
	child->waiting_for = NOT_WAITING;
	for (int i = 0; i < MAX_PROCESSES; i++) {
		if (table[i].pid == 0 || table[i].parent != pid)
			continue;
		table[i].parent = 0; /* an orphan: nobody will collect it */
		if (table[i].exited)
			memset(&table[i], 0, sizeof(table[i]));
	}
	struct process *parent = find(child->parent);
	if (parent == 0) {
		memset(child, 0, sizeof(*child));
	} else if (parent->waiting_for == -1 || parent->waiting_for == pid) {
		parent->waiting_for = NOT_WAITING;
		reply_exit(parent->pid, child);
	}
}

/* The kernel says children exited: collect every one without blocking. */
static void collect_exits(void)
{
	int pid, status;
	while ((pid = kernel_wait(-1, &status)) > 0)
		child_exited(pid, status);
}

/* ---- PM_KILL, PM_LIST, PM_LOOKUP ---- */

static int kill_request(int requester, const struct message *message)
{
	const struct pm_pid *request = (const struct pm_pid *)message->payload;
	if (message->size != sizeof(*request))
		return -E_INVAL;
	struct process *target = find(request->pid);
	if (target == 0 || target->exited)
		return -E_SRCH;
	/* Servers (anything with privileges) fall only to those who may kill; pm and init never. */
	if (target->pid == getpid() || target->pid == INIT_PID ||
	    (target->privileges != PRIV_NONE && !(privileges_of(requester) & PRIV_KILL)))
		return -E_PERM;
	return kernel_kill(target->pid);
}

static int list_request(const struct message *message, struct message *reply)
{
	const struct pm_pid *request = (const struct pm_pid *)message->payload;
	if (message->size != sizeof(*request) || request->pid < 0)
		return -E_INVAL;
	for (int i = request->pid; i < MAX_PROCESSES; i++) {
		if (table[i].pid == 0)
			continue;
		struct pm_process *entry = (struct pm_process *)reply->payload;
		entry->next_index = i + 1;
		entry->pid = table[i].pid;
		entry->parent = table[i].parent;
		entry->state = table[i].exited ? PM_EXITED : PM_RUNNING;
		entry->privileges = table[i].privileges;
		strlcpy(entry->name, table[i].name, sizeof(entry->name));
		reply->size = sizeof(*entry);
		return 0;
	}
	return -E_SRCH;
}

static int has_terminator(const char *text, int size)
{
	for (int i = 0; i < size; i++) {
		if (text[i] == '\0')
			return 1;
	}
	return 0;
}

static int lookup_request(const struct message *message)
{
	const struct pm_name *request = (const struct pm_name *)message->payload;
	if (message->size != sizeof(*request) || !has_terminator(request->name, sizeof(request->name)))
		return -E_INVAL;
	for (int i = 0; i < MAX_PROCESSES; i++) {
		if (table[i].is_server && !table[i].exited && strcmp(table[i].name, request->name) == 0)
			return table[i].pid;
	}
	return -E_SRCH;
}

/* Serves one request. Returns 1 if reply (its type the result) should go out now, 0 if it is deferred. */
static int serve(const struct message *message, struct message *reply)
{
	int result;
	reply->size = 0;
	switch (message->type) {
	case PM_SPAWN:
		result = spawn_request(message->sender, message);
		break;
	case PM_WAIT:
		result = wait_request(message->sender, message, reply);
		if (result >= 0) {
			reply->type = 0;
			return result;
		}
		break;
	case PM_KILL:
		result = kill_request(message->sender, message);
		break;
	case PM_LIST:
		result = list_request(message, reply);
		break;
	case PM_LOOKUP:
		result = lookup_request(message);
		break;
	default:
		result = -E_NOSYS;
	}
	reply->type = result;
	return 1;
}

int main(void)
{
	add(&table[0], INIT_PID, 0, "init", PRIV_ALL, 0);
	add(&table[1], getpid(), INIT_PID, "pm", PM_PRIVILEGES, 1);
	for (;;) {
		struct message message, reply;
		if (ipc_recv(IPC_ANY, &message, 0, 0) < 0)
			continue;
		if (message.sender == IPC_KERNEL) {
			if (*(uint64_t *)message.payload & NOTIFY_CHILD_EXITED)
				collect_exits();
			continue;
		}
		if (serve(&message, &reply))
			ipc_reply(message.sender, &reply);
	}
}
