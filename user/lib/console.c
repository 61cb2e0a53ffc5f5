/*
 * The stubs for the console server's protocol
 * (servers/console/console_protocol.h), with the kernel debug console as
 * the fallback. The server's pid is looked up from pm by name once found.
 */
#include "common/string.h"
#include "console.h"
#include "ipc.h"
#include "process.h"
#include "servers/console/console_protocol.h"
#include "syscall.h"

static int console_pid;

int console_server(void)
{
	/* Only a found server is remembered: one may start after this program did. */
	if (console_pid == 0 && services_pid != 0) {
		int pid = service_lookup("console");
		if (pid > 0 && pid != getpid())
			console_pid = pid;
	}
	return console_pid;
}

/* Calls the console server. Returns the result, or -E_DEAD and forgets the server if it is gone. */
static long call_console(struct message *message, int type, uint32_t size)
{
	message->type = type;
	message->size = size;
	int error = ipc_call(console_pid, message);
	if (error < 0) {
		console_pid = 0;
		return error;
	}
	return message->type;
}

long write(int fd, const void *buffer, unsigned long length)
{
	if (fd != STDOUT && fd != STDERR)
		return -E_INVAL;
	const char *bytes = buffer;
	unsigned long done = 0;
	while (done < length && console_server() != 0) {
		struct message message;
		uint32_t chunk = length - done < IPC_PAYLOAD_MAX ? length - done : IPC_PAYLOAD_MAX;
		memcpy(message.payload, bytes + done, chunk);
		long result = call_console(&message, CONSOLE_WRITE, chunk);
		if (result < 0)
			break;
		done += chunk;
	}
	return done < length ? (long)done + console_write(bytes + done, length - done) : (long)done;
}

/* The kernel console never waits for a key, so poll it once a tick until something is typed. */
static long read_kernel_console(void *buffer, unsigned long length)
{
	long count;
	while ((count = console_read(buffer, length)) == 0 && length > 0)
		sleep(1);
	return count;
}

long read(int fd, void *buffer, unsigned long length)
{
	if (fd != STDIN)
		return -E_INVAL;
	if (console_server() == 0)
		return read_kernel_console(buffer, length);
	struct message message;
	struct console_read *request = (struct console_read *)message.payload;
	request->max = length < IPC_PAYLOAD_MAX ? (uint32_t)length : IPC_PAYLOAD_MAX;
	long result = call_console(&message, CONSOLE_READ, sizeof(*request));
	if (result > 0)
		memcpy(buffer, message.payload, (unsigned long)result);
	return result;
}

int console_set_foreground(int pid)
{
	if (console_server() == 0)
		return 0;
	struct message message;
	struct console_foreground *request = (struct console_foreground *)message.payload;
	request->pid = pid;
	return (int)call_console(&message, CONSOLE_SET_FOREGROUND, sizeof(*request));
}
