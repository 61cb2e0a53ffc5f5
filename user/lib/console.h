/*
 * Console input and output through the console server
 * (user/servers/console), or through the kernel's debug console when no
 * console server runs: before the console lab, in tests booted with
 * INIT=, and in the servers that start before it.
 */
#ifndef USER_CONSOLE_H
#define USER_CONSOLE_H

/* File descriptors: until the file server exists, all three are the console. */
#define STDIN 0
#define STDOUT 1
#define STDERR 2

/* Writes length bytes; returns how many were written, or a negative error. */
long write(int fd, const void *buffer, unsigned long length);
/*
 * Reads what is typed, at most length bytes. From the console server this
 * is one edited line (ending in '\n'), or 0 at end of input (Ctrl-D);
 * from the kernel console it is raw keys, without echo.
 */
long read(int fd, void *buffer, unsigned long length);
/* The console server's pid, or 0 if output goes to the kernel's debug console. */
int console_server(void);
/* Names the process Ctrl-C stops (0: none). Does nothing without a console server. */
int console_set_foreground(int pid);

#endif
