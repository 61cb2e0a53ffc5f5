/*
 * Message passing, one C function per IPC kernel call. The message layout,
 * flags and notification bits are in kernel/common/ipc.h; docs/ipc.md gives
 * the exact semantics. Every call returns 0 or a negative error code.
 */
#ifndef USER_IPC_H
#define USER_IPC_H

#include "common/errors.h"
#include "common/ipc.h"

/* Sends message to dst; waits while dst's queue is full unless flags has IPC_NONBLOCK. */
int ipc_send(int dst, const struct message *message, int flags);
/*
 * Receives the oldest message from from (a pid, IPC_ANY, or IPC_KERNEL for
 * notifications only) into message; waits unless IPC_NONBLOCK, and for at
 * most timeout ticks if timeout > 0.
 */
int ipc_recv(int from, struct message *message, int flags, long timeout);
/* Sends message to dst and waits for dst's reply, which replaces message. */
int ipc_call(int dst, struct message *message);
/* Answers the call that dst is waiting on; never waits. */
int ipc_reply(int dst, const struct message *message);
/* ipc_reply(dst, message), then ipc_recv(from, message, 0, 0): a server's whole loop in one call. */
int ipc_reply_recv(int dst, struct message *message, int from);
/* ORs bits (0..47) into dst's pending notifications; never waits. */
int ipc_notify(int dst, unsigned long bits);
/* Raises NOTIFY_ALARM for the caller after ticks ticks; 0 cancels. */
int alarm(long ticks);

#endif
