/*
 * The IPC kernel calls (kernel/common/syscall_numbers.h) as C functions.
 */
#include "ipc.h"
#include "syscall.h"

int ipc_send(int dst, const struct message *message, int flags)
{
	return (int)syscall6(SYS_SEND, dst, (long)message, flags, 0, 0, 0);
}

int ipc_recv(int from, struct message *message, int flags, long timeout)
{
	return (int)syscall6(SYS_RECV, from, (long)message, flags, timeout, 0, 0);
}

int ipc_call(int dst, struct message *message)
{
	return (int)syscall6(SYS_CALL, dst, (long)message, 0, 0, 0, 0);
}

int ipc_reply(int dst, const struct message *message)
{
	return (int)syscall6(SYS_REPLY, dst, (long)message, 0, 0, 0, 0);
}

int ipc_reply_recv(int dst, struct message *message, int from)
{
	return (int)syscall6(SYS_REPLY_RECV, dst, (long)message, from, 0, 0, 0);
}

int ipc_notify(int dst, unsigned long bits)
{
	return (int)syscall6(SYS_NOTIFY, dst, (long)bits, 0, 0, 0, 0);
}

int alarm(long ticks)
{
	return (int)syscall6(SYS_ALARM, ticks, 0, 0, 0, 0, 0);
}
