/*
 * Formatted output and line input for user programs, over the console
 * (console.h): the console server, or the kernel's debug console without one.
 */
#ifndef USER_STDIO_H
#define USER_STDIO_H

/* Formats like C's printf (conversions in user/lib/format.h) and writes it in one piece. */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Formats into buf of size bytes, always NUL-terminated. */
int snprintf(char *buf, unsigned long size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/*
 * Reads one line into buf (at most size-1 bytes, without the newline).
 * The console server edits the line; on the kernel console this does the
 * echo and backspace itself. Returns its length, or -1 at end of input
 * (Ctrl-D on an empty line).
 */
int read_line(char *buf, int size);

#endif
