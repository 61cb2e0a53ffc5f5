/*
 * The printf formatting engine behind the user library's printf and
 * format_text. It formats into a caller-supplied buffer; the caller decides
 * where the text goes. (The kernel has its own, smaller one in printk.c.)
 *
 * Conversions: %d %i %u %x %p %s %c %%, with the l and ll length modifiers,
 * a field width, and the 0 and - flags.
 */
#ifndef USER_FORMAT_H
#define USER_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Formats into buf (size bytes, always NUL-terminated when size > 0).
 * Returns the length the full text would have had, like vsnprintf.
 */
int format_string(char *buf, size_t size, const char *fmt, va_list args);

/* The same with the arguments in place, like snprintf. */
int format_text(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
