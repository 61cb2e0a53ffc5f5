/*
 * printf and line input over the console (console.h). printf formats the
 * whole message first and writes it in one go, so lines from different
 * processes never mix mid-line.
 */
#include <stdarg.h>
#include "format.h"
#include "console.h"
#include "stdio.h"
#include "common/ipc.h"
#include "syscall.h"

#define PRINTF_BUFFER 512
#define CTRL_D 4
#define BACKSPACE 8
#define DELETE 127

int printf(const char *fmt, ...)
{
	char text[PRINTF_BUFFER];
	va_list args;
	va_start(args, fmt);
	int length = format_string(text, sizeof(text), fmt, args);
	va_end(args);
	if (length >= PRINTF_BUFFER)
		length = PRINTF_BUFFER - 1;
	write(STDOUT, text, length);
	return length;
}

int snprintf(char *buf, unsigned long size, const char *fmt, ...)
{
	va_list args;
	va_start(args, fmt);
	int length = format_string(buf, size, fmt, args);
	va_end(args);
	return length;
}

/* Line editing for the kernel console, which hands over raw keys: echo, backspace, Ctrl-D. */
static int read_raw_line(char *buf, int size)
{
	int length = 0;
	for (;;) {
		char c;
		if (read(STDIN, &c, 1) != 1)
			return -1;
		if (c == '\r' || c == '\n') {
			console_write("\n", 1);
			buf[length] = '\0';
			return length;
		}
		if (c == CTRL_D && length == 0)
			return -1;
		if (c == BACKSPACE || c == DELETE) {
			if (length > 0) {
				length--;
				console_write("\b \b", 3); /* step back, blank the character, step back */
			}
			continue;
		}
		if (c >= ' ' && length < size - 1) {
			buf[length++] = c;
			console_write(&c, 1);
		}
	}
}

int read_line(char *buf, int size)
{
	if (console_server() == 0)
		return read_raw_line(buf, size);
	/* The console server edits the line and hands it over in pieces of up to IPC_PAYLOAD_MAX bytes. */
	int length = 0;
	for (;;) {
		char piece[IPC_PAYLOAD_MAX];
		long count = read(STDIN, piece, sizeof(piece));
		if (count <= 0) {
			buf[length] = '\0';
			return count < 0 || length == 0 ? -1 : length;
		}
		for (long i = 0; i < count && piece[i] != '\n'; i++) {
			if (length < size - 1)
				buf[length++] = piece[i];
		}
		if (piece[count - 1] == '\n') {
			buf[length] = '\0';
			return length;
		}
	}
}
