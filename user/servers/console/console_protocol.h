/*
 * The console server's protocol, shared by the server and its client
 * stubs (user/lib/console.c). Every request is a call; the reply's type is
 * the result: 0 or more on success, a negative error code on failure.
 * docs/servers.md describes each request.
 */
#ifndef CONSOLE_PROTOCOL_H
#define CONSOLE_PROTOCOL_H

#include <stdint.h>

enum console_request_type {
	CONSOLE_WRITE = 1, /* payload: the bytes to print -> how many were printed */
	CONSOLE_READ = 2,  /* struct console_read -> one line (or less) in the payload, 0 at end of input */
	CONSOLE_SET_FOREGROUND = 3, /* struct console_foreground -> 0 */
};

struct console_read {
	uint32_t max; /* the most bytes the caller wants, 1..IPC_PAYLOAD_MAX */
};

/* The process Ctrl-C stops; 0 for none. The shell sets it around each program it waits for. */
struct console_foreground {
	int32_t pid;
};

#endif
