/*
 * Message passing, one C function per IPC kernel call. The message layout,
 * flags and notification bits are in kernel/common/ipc.h; docs/ipc.md gives
 * the exact semantics. Every call returns 0 or a negative error code. They
 * are inline, each only an ecall, because make bench measures these calls.
 */
#ifndef USER_IPC_H
#define USER_IPC_H

#include "common/errors.h"
#include "common/ipc.h"
#include "common/syscall_numbers.h"

/*
 * The kernel call number in a7, up to four arguments in a0..a3, the result
 * in a0. Like every kernel call (user/lib/syscall.c), it lets the kernel
 * clobber t0..t6 and a1..a7, which the kernel then need not save.
 */
static inline long ipc_ecall(long number, long arg0, long arg1, long arg2, long arg3)
{
	register long a0 asm("a0") = arg0;
	register long a1 asm("a1") = arg1;
	register long a2 asm("a2") = arg2;
	register long a3 asm("a3") = arg3;
	register long a7 asm("a7") = number;
	asm volatile("ecall"
		     : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a7)
		     :
		     : "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a4", "a5", "a6", "memory");
	return a0;
}

/* Sends message to dst; waits while dst's queue is full unless flags has IPC_NONBLOCK. */
static inline int ipc_send(int dst, const struct message *message, int flags)
{
	return (int)ipc_ecall(SYS_SEND, dst, (long)message, flags, 0);
}

/*
 * Receives the oldest message from from (a pid, IPC_ANY, or IPC_KERNEL for
 * notifications only) into message; waits unless IPC_NONBLOCK, and for at
 * most timeout ticks if timeout > 0.
 */
static inline int ipc_recv(int from, struct message *message, int flags, long timeout)
{
	return (int)ipc_ecall(SYS_RECV, from, (long)message, flags, timeout);
}

/* Sends message to dst and waits for dst's reply, which replaces message. */
static inline int ipc_call(int dst, struct message *message)
{
	return (int)ipc_ecall(SYS_CALL, dst, (long)message, 0, 0);
}

/* Answers the call that dst is waiting on; never waits. */
static inline int ipc_reply(int dst, const struct message *message)
{
	return (int)ipc_ecall(SYS_REPLY, dst, (long)message, 0, 0);
}

/* ipc_reply(dst, message), then ipc_recv(from, message, 0, 0): a server's whole loop in one call. */
static inline int ipc_reply_recv(int dst, struct message *message, int from)
{
	return (int)ipc_ecall(SYS_REPLY_RECV, dst, (long)message, from, 0);
}

/* ORs bits (0..47) into dst's pending notifications; never waits. */
static inline int ipc_notify(int dst, unsigned long bits)
{
	return (int)ipc_ecall(SYS_NOTIFY, dst, (long)bits, 0, 0);
}

/* Raises NOTIFY_ALARM for the caller after ticks ticks; 0 cancels. */
static inline int alarm(long ticks)
{
	return (int)ipc_ecall(SYS_ALARM, ticks, 0, 0, 0);
}

#endif
