/*
 * printk: format into a line buffer, then hand the bytes to SBI one by one.
 * The legacy SBI console takes one character per call, which is slow but
 * needs no driver: exactly what a kernel debug console should be.
 */
#include <stdarg.h>
#include "common/format.h"
#include "printk.h"
#include "sbi.h"

void console_put_bytes(const char *bytes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sbi_console_putchar(bytes[i]);
}

void printk(const char *fmt, ...)
{
	char line[256];
	va_list args;
	va_start(args, fmt);
	int length = format_string(line, sizeof(line), fmt, args);
	va_end(args);
	if (length >= (int)sizeof(line))
		length = sizeof(line) - 1;
	console_put_bytes(line, length);
}
