/*
 * printk: kernel messages on the debug console, one character at a time
 * through SBI. That is slow but needs no driver: exactly what a kernel
 * debug console should be.
 *
 * The formatter is deliberately small. The kernel prints only numbers,
 * addresses and names, so it knows %d %u %x %p %s %c (with an optional l)
 * and no field widths; user programs get the full printf in user/lib.
 */
#include <stdarg.h>
#include "printk.h"
#include "sbi.h"

void console_put_bytes(const char *bytes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sbi_console_putchar(bytes[i]);
}

static void put_string(const char *s)
{
	for (; *s != '\0'; s++)
		sbi_console_putchar(*s);
}

static void put_number(unsigned long value, unsigned base)
{
	char digits[24];
	int n = 0;
	do {
		digits[n++] = "0123456789abcdef"[value % base];
		value /= base;
	} while (value != 0);
	while (n > 0)
		sbi_console_putchar(digits[--n]);
}

void vprintk(const char *fmt, va_list args)
{
	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%' || fmt[1] == '\0') {
			sbi_console_putchar(*fmt);
			continue;
		}
		int is_long = fmt[1] == 'l';
		fmt += is_long ? 2 : 1;
		if (*fmt == '\0')
			break;
		if (*fmt == 'd') {
			long value = is_long ? va_arg(args, long) : va_arg(args, int);
			if (value < 0)
				sbi_console_putchar('-');
			put_number(value < 0 ? -(unsigned long)value : (unsigned long)value, 10);
		} else if (*fmt == 'u' || *fmt == 'x') {
			unsigned long value = is_long ? va_arg(args, unsigned long) : va_arg(args, unsigned);
			put_number(value, *fmt == 'u' ? 10 : 16);
		} else if (*fmt == 'p') {
			put_string("0x");
			put_number((unsigned long)va_arg(args, void *), 16);
		} else if (*fmt == 's') {
			const char *s = va_arg(args, const char *);
			put_string(s != 0 ? s : "(null)");
		} else if (*fmt == 'c') {
			sbi_console_putchar((char)va_arg(args, int));
		} else {
			/* %% and anything unknown print as written, so a mistake is visible. */
			sbi_console_putchar(*fmt);
		}
	}
}

void printk(const char *fmt, ...)
{
	va_list args;
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
}
