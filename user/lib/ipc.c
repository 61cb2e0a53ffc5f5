/*
 * The IPC kernel calls (kernel/common/syscall_numbers.h) as C functions.
 * Each puts its arguments straight into the argument registers and makes
 * the ecall itself: these are the calls whose cost make bench measures.
 */
#include "ipc.h"
#include "syscall.h"

/* The kernel call number in a7, up to four arguments in a0..a3, the result in a0. */
static inline long ipc_ecall(long number, long arg0, long arg1, long arg2, long arg3)
{
	register long a0 asm("a0") = arg0;
	register long a1 asm("a1") = arg1;
	register long a2 asm("a2") = arg2;
	register long a3 asm("a3") = arg3;
	register long a7 asm("a7") = number;
	asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a3), "r"(a7) : "memory");
	return a0;
}

int ipc_send(int dst, const struct message *message, int flags)
{
	return (int)ipc_ecall(SYS_SEND, dst, (long)message, flags, 0);
}

int ipc_recv(int from, struct message *message, int flags, long timeout)
{
	return (int)ipc_ecall(SYS_RECV, from, (long)message, flags, timeout);
}

int ipc_call(int dst, struct message *message)
{
	return (int)ipc_ecall(SYS_CALL, dst, (long)message, 0, 0);
}

int ipc_reply(int dst, const struct message *message)
{
	return (int)ipc_ecall(SYS_REPLY, dst, (long)message, 0, 0);
}

int ipc_reply_recv(int dst, struct message *message, int from)
{
	return (int)ipc_ecall(SYS_REPLY_RECV, dst, (long)message, from, 0);
}

int ipc_notify(int dst, unsigned long bits)
{
	return (int)ipc_ecall(SYS_NOTIFY, dst, (long)bits, 0, 0);
}

int alarm(long ticks)
{
	return (int)ipc_ecall(SYS_ALARM, ticks, 0, 0, 0);
}
