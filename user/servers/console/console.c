/*
 * console: the terminal server. It owns the UART and its interrupt, prints
 * what programs write, and edits what is typed into lines for programs
 * that read: backspace, Ctrl-U (erase the line), Ctrl-D (end of input),
 * Ctrl-C (stop the foreground program), Ctrl-P (list the processes).
 * Its protocol is in console_protocol.h; docs/servers.md has the picture.
 *
 * It calls only pm (to stop and list processes), and pm calls no one, so
 * no cycle of waiting servers can form.
 */
#include "common/privileges.h"
#include "common/string.h"
#include "console_protocol.h"
#include "lib/ipc.h"
#include "lib/memmove.h"
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/syscall.h"
#include "uart.h"

#define LINE_MAX IPC_PAYLOAD_MAX
#define READY_MAX 1024
#define MAX_READERS 8

#define CTRL_C 0x03
#define CTRL_D 0x04
#define BACKSPACE 0x08
#define CTRL_P 0x10
#define CTRL_U 0x15
#define DELETE 0x7f

/* The line being typed. */
static char line[LINE_MAX];
static int line_length;

/* Finished input that no reader has taken yet, oldest first; and a Ctrl-D waiting behind it. */
static char ready[READY_MAX];
static int ready_length;
static int end_of_input;

/* Processes blocked in CONSOLE_READ, oldest first. */
static struct {
	int pid;
	uint32_t max;
} readers[MAX_READERS];
static int reader_count;

/* The program Ctrl-C stops (0: none), and a Ctrl-C typed before the shell could name it. */
static int foreground;
static int interrupt_pending;

static void print(const char *text)
{
	uart_write(text, strlen(text));
}

/* ---- handing input to readers ---- */

static void make_ready(const char *text, int length)
{
	if (ready_length + length > READY_MAX)
		length =
			READY_MAX - ready_length; /* typed far ahead of every reader: the excess is dropped */
	memcpy(ready + ready_length, text, length);
	ready_length += length;
}

/* Replies to the first reader with what is ready. Returns 0 if the reader was gone. */
static int answer_first_reader(void)
{
	struct message reply;
	int count = 0;
	while (count < ready_length && count < (int)readers[0].max) {
		reply.payload[count] = ready[count];
		if (ready[count++] == '\n')
			break;
	}
	reply.type = count;
	reply.size = count;
	int delivered = ipc_reply(readers[0].pid, &reply) == 0;
	if (delivered && count > 0) {
		memmove(ready, ready + count, ready_length - count);
		ready_length -= count;
	} else if (delivered) {
		end_of_input = 0;
	}
	reader_count--;
	memmove(&readers[0], &readers[1], reader_count * sizeof(readers[0]));
	return delivered;
}

static void serve_readers(void)
{
	while (reader_count > 0 && (ready_length > 0 || end_of_input))
		answer_first_reader();
}

/* ---- line editing ---- */

static void erase_characters(int count)
{
	for (int i = 0; i < count; i++)
		print("\b \b"); /* step back, blank the character, step back */
}

static void finish_line(int with_newline)
{
	if (with_newline) {
		line[line_length++] = '\n';
		print("\n");
	}
	make_ready(line, line_length);
	line_length = 0;
	serve_readers();
}

static void list_processes(void)
{
	print("\n" PROCESS_LIST_HEADING);
	struct pm_process entry;
	for (int index = 0; process_list(index, &entry) == 0; index = entry.next_index) {
		char text[80];
		process_describe(&entry, text, sizeof(text));
		print(text);
	}
}

static void stop_foreground(void)
{
	print("^C\n");
	line_length = 0;
	if (foreground != 0) {
		kill(foreground);
		foreground = 0;
	} else if (reader_count > 0) {
		/* Nothing to stop: hand the reader an empty line, so that a shell prompts again. */
		make_ready("\n", 1);
		serve_readers();
	} else {
		/* Nobody reads, so a program is starting: stop it as soon as the shell names it. */
		interrupt_pending = 1;
	}
}

static void set_foreground(int pid)
{
	if (pid != 0 && interrupt_pending) {
		kill(pid);
		pid = 0;
	}
	foreground = pid;
	interrupt_pending = 0;
}

static void handle_key(char c)
{
	if (c == '\r' || c == '\n') {
		finish_line(1);
	} else if (c == BACKSPACE || c == DELETE) {
		if (line_length > 0) {
			line_length--;
			erase_characters(1);
		}
	} else if (c == CTRL_U) {
		erase_characters(line_length);
		line_length = 0;
	} else if (c == CTRL_D) {
		if (line_length == 0)
			end_of_input = 1;
		finish_line(0);
	} else if (c == CTRL_C) {
		stop_foreground();
	} else if (c == CTRL_P) {
		list_processes();
	} else if (c >= ' ' && line_length < LINE_MAX - 1) {
		line[line_length++] = c;
		uart_write(&c, 1);
	}
}

static void handle_interrupt(void)
{
	while (uart_has_input())
		handle_key(uart_get());
	irq_ack(UART_IRQ);
}

/* ---- requests ---- */

/* Serves one request. Returns 1 if reply should go out now, 0 if the reader waits for input. */
static int serve(const struct message *message, struct message *reply)
{
	int result = 0;
	reply->size = 0;
	if (message->type == CONSOLE_WRITE) {
		uart_write((const char *)message->payload, message->size);
		result = (int)message->size;
	} else if (message->type == CONSOLE_READ) {
		const struct console_read *request = (const struct console_read *)message->payload;
		if (message->size != sizeof(*request) || request->max == 0 || request->max > IPC_PAYLOAD_MAX)
			result = -E_INVAL;
		else if (reader_count == MAX_READERS)
			result = -E_AGAIN;
		else {
			interrupt_pending = 0; /* a reader is back: no program was starting after all */
			readers[reader_count].pid = message->sender;
			readers[reader_count++].max = request->max;
			serve_readers();
			return 0;
		}
	} else if (message->type == CONSOLE_SET_FOREGROUND) {
		const struct console_foreground *request =
			(const struct console_foreground *)message->payload;
		if (message->size != sizeof(*request) || request->pid < 0)
			result = -E_INVAL;
		else
			set_foreground(request->pid);
	} else {
		result = -E_NOSYS;
	}
	reply->type = result;
	return 1;
}

int main(void)
{
	int error = uart_init();
	if (error == 0)
		error = irq_register(UART_IRQ);
	if (error < 0) {
		printf("console: cannot take the UART: %s\n", error_name(error));
		return 1;
	}
	for (;;) {
		struct message message, reply;
		if (ipc_recv(IPC_ANY, &message, 0, 0) < 0)
			continue;
		if (message.sender == IPC_KERNEL) {
			if (*(uint64_t *)message.payload & NOTIFY_IRQ)
				handle_interrupt();
			continue;
		}
		if (serve(&message, &reply))
			ipc_reply(message.sender, &reply);
	}
}
