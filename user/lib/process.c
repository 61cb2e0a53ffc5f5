/*
 * The stubs for pm's protocol (servers/pm/pm_protocol.h): each builds a
 * request, calls pm and unpacks the reply. Without pm (services_pid 0)
 * they use the kernel calls directly.
 */
#include "common/bootimg.h"
#include "format.h"
#include "common/string.h"
#include "ipc.h"
#include "process.h"
#include "syscall.h"

int services_pid;

const void *boot_image_program(const char *name, unsigned long *size)
{
	const struct bootimg_header *header = (const struct bootimg_header *)BOOTIMG_USER_ADDRESS;
	const struct bootimg_entry *entry = bootimg_find(header, header->size, name);
	if (entry == 0)
		return 0;
	*size = entry->size;
	return (const char *)header + entry->offset;
}

/* Calls pm with a request of type and size bytes of payload. Returns the reply's result. */
static int call_pm(struct message *message, int type, uint32_t size)
{
	message->type = type;
	message->size = size;
	int error = ipc_call(services_pid, message);
	return error < 0 ? error : message->type;
}

/* Appends text and its NUL to request->argv_text at *used. Returns 0, or -E_2BIG if it does not fit. */
static int pack_string(struct pm_spawn *request, uint32_t *used, const char *text)
{
	uint32_t length = strlen(text) + 1;
	if (*used + length > sizeof(request->argv_text))
		return -E_2BIG;
	memcpy(request->argv_text + *used, text, length);
	*used += length;
	return 0;
}

/* Packs name and argv into request. Returns the payload size, or -E_2BIG. */
static int pack_arguments(struct pm_spawn *request, const char *name, char *const argv[])
{
	uint32_t used = 0;
	if (pack_string(request, &used, name) < 0)
		return -E_2BIG;
	for (request->argc = 0; argv[request->argc] != 0; request->argc++) {
		if (request->argc == PM_ARGS_MAX || pack_string(request, &used, argv[request->argc]) < 0)
			return -E_2BIG;
	}
	return (int)(sizeof(*request) - sizeof(request->argv_text) + used);
}

/* Asks pm to start name with argv. Returns the new pid or a negative error. */
static int spawn_through_pm(const char *name, char *const argv[], unsigned privileges, unsigned flags,
			    uint64_t trace_mask)
{
	struct message message;
	struct pm_spawn *request = (struct pm_spawn *)message.payload;
	request->trace_mask = trace_mask;
	request->privileges = privileges;
	request->flags = flags;
	int size = pack_arguments(request, name, argv);
	if (size < 0)
		return size;
	return call_pm(&message, PM_SPAWN, (uint32_t)size);
}

int spawn_privileged(const char *name, char *const argv[], unsigned privileges, unsigned flags)
{
	if (services_pid == 0) {
		unsigned long size;
		const void *image = boot_image_program(name, &size);
		if (image == 0)
			return -E_NOEXEC;
		return spawn_image(image, size, argv, privileges, 0);
	}
	return spawn_through_pm(name, argv, privileges, flags, 0);
}

int spawn(const char *name, char *const argv[])
{
	/* Without pm a child inherits the caller's privileges; pm gives ordinary programs none. */
	return spawn_privileged(name, argv, services_pid == 0 ? PRIV_ALL : PRIV_NONE, 0);
}

int spawn_traced(const char *name, char *const argv[], unsigned long trace_mask)
{
	if (services_pid != 0)
		return spawn_through_pm(name, argv, PRIV_NONE, 0, trace_mask);
	/* The kernel gives a child its creator's trace mask: wear the one asked for during this one spawn. */
	long previous_mask = trace(trace_mask);
	int pid = spawn(name, argv);
	trace(previous_mask);
	return pid;
}

/*
 * Without pm, polls the kernel once a tick. It could wait for
 * NOTIFY_CHILD_EXITED instead, but receiving that would also take every
 * other pending notification away from the program.
 */
static int wait_for_kernel_child(int pid, int *status)
{
	int result;
	while ((result = kernel_wait(pid, status)) == -E_AGAIN)
		sleep(1);
	return result;
}

int wait(int pid, int *status)
{
	if (services_pid == 0)
		return wait_for_kernel_child(pid, status);
	struct message message;
	struct pm_pid *request = (struct pm_pid *)message.payload;
	request->pid = pid;
	int result = call_pm(&message, PM_WAIT, sizeof(*request));
	const struct pm_exit *reply = (const struct pm_exit *)message.payload;
	if (result < 0)
		return result;
	if (status != 0)
		*status = reply->status;
	return reply->pid;
}

int kill(int pid)
{
	if (services_pid == 0)
		return kernel_kill(pid);
	struct message message;
	struct pm_pid *request = (struct pm_pid *)message.payload;
	request->pid = pid;
	return call_pm(&message, PM_KILL, sizeof(*request));
}

int process_list(int index, struct pm_process *entry)
{
	if (services_pid == 0)
		return -E_NOSYS;
	struct message message;
	struct pm_pid *request = (struct pm_pid *)message.payload;
	request->pid = index;
	int result = call_pm(&message, PM_LIST, sizeof(*request));
	if (result >= 0)
		memcpy(entry, message.payload, sizeof(*entry));
	return result;
}

void process_describe(const struct pm_process *entry, char *text, unsigned long size)
{
	const char *state = entry->state == PM_EXITED ? "exited" : "running";
	format_text(text, size, "%5d  %6d  %-7s  %s\n", entry->pid, entry->parent, state, entry->name);
}

int service_lookup(const char *name)
{
	if (services_pid == 0)
		return -E_SRCH;
	struct message message;
	struct pm_name *request = (struct pm_name *)message.payload;
	if (strlen(name) >= sizeof(request->name))
		return -E_SRCH;
	strlcpy(request->name, name, sizeof(request->name));
	return call_pm(&message, PM_LOOKUP, sizeof(*request));
}
