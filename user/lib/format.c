/*
 * The printf formatting engine (see format.h). It writes through a small
 * cursor that counts every character but stores only what fits, so a
 * too-small buffer truncates safely.
 */
#include "format.h"

struct cursor {
	char *buf;
	size_t size;
	size_t length; /* characters produced so far, stored or not */
};

static void put_char(struct cursor *out, char c)
{
	if (out->length + 1 < out->size)
		out->buf[out->length] = c;
	out->length++;
}

/*
 * Writes prefix ("", "-" or "0x") and text in a field of width characters.
 * Zero padding goes between the prefix and the digits, as in C's printf.
 */
static void put_padded(struct cursor *out, const char *prefix, const char *text, int width, int left_align,
		       char pad)
{
	int length = 0;
	while (prefix[length] != '\0')
		length++;
	for (const char *c = text; *c != '\0'; c++)
		length++;
	int padding = width > length ? width - length : 0;
	if (!left_align && pad == ' ')
		for (; padding > 0; padding--)
			put_char(out, ' ');
	for (; *prefix != '\0'; prefix++)
		put_char(out, *prefix);
	if (!left_align)
		for (; padding > 0; padding--)
			put_char(out, '0');
	for (; *text != '\0'; text++)
		put_char(out, *text);
	for (; padding > 0; padding--)
		put_char(out, ' ');
}

/* Writes value in base 10 or 16 at the end of a buffer that ends at end; returns the start. */
static char *number_to_text(char *end, unsigned long long value, int base)
{
	char *p = end;
	*p = '\0';
	do {
		*--p = "0123456789abcdef"[value % base];
		value /= base;
	} while (value != 0);
	return p;
}

int format_string(char *buf, size_t size, const char *fmt, va_list args)
{
	struct cursor out = { buf, size, 0 };
	char digits[24];

	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			put_char(&out, *fmt);
			continue;
		}
		fmt++;
		int left_align = 0;
		char pad = ' ';
		for (; *fmt == '-' || *fmt == '0'; fmt++) {
			if (*fmt == '-')
				left_align = 1;
			else
				pad = '0';
		}
		int width = 0;
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (*fmt - '0');
		int longs = 0;
		for (; *fmt == 'l'; fmt++)
			longs++;

		const char *prefix = "";
		const char *text;
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long value = longs ? va_arg(args, long long) : va_arg(args, int);
			unsigned long long magnitude =
				value < 0 ? -(unsigned long long)value : (unsigned long long)value;
			text = number_to_text(digits + sizeof(digits) - 1, magnitude, 10);
			prefix = value < 0 ? "-" : "";
			break;
		}
		case 'u':
		case 'x': {
			unsigned long long value =
				longs ? va_arg(args, unsigned long long) : va_arg(args, unsigned int);
			text = number_to_text(digits + sizeof(digits) - 1, value, *fmt == 'u' ? 10 : 16);
			break;
		}
		case 'p':
			text = number_to_text(digits + sizeof(digits) - 1, (size_t)va_arg(args, void *), 16);
			prefix = "0x";
			break;
		case 's':
			text = va_arg(args, const char *);
			if (text == 0)
				text = "(null)";
			break;
		case 'c':
			digits[0] = (char)va_arg(args, int);
			digits[1] = '\0';
			text = digits;
			break;
		case '%':
			text = "%";
			break;
		default:
			/* An unknown conversion is printed as written, so the mistake is visible. */
			put_char(&out, '%');
			if (*fmt == '\0')
				fmt--;
			else
				put_char(&out, *fmt);
			continue;
		}
		put_padded(&out, prefix, text, width, left_align, pad);
	}
	if (size > 0)
		buf[out.length < size ? out.length : size - 1] = '\0';
	return (int)out.length;
}

int format_text(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	va_start(args, fmt);
	int length = format_string(buf, size, fmt, args);
	va_end(args);
	return length;
}
