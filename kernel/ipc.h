/*
 * Message passing: send, recv, call, reply, reply_recv, notify and alarm.
 * docs/ipc.md is the contract: every call, flag and error is described
 * there, with diagrams of the fast path and the queued path.
 */
#ifndef KERNEL_IPC_H
#define KERNEL_IPC_H

#include "common/privileges.h"
#include "proc.h"

/* The IPC kernel calls; arguments in the caller's registers (syscall.c). */
long sys_send(struct proc *p);
long sys_recv(struct proc *p);
long sys_call(struct proc *p);
long sys_reply(struct proc *p);
long sys_reply_recv(struct proc *p);
long sys_notify(struct proc *p);
long sys_alarm(struct proc *p);

/* Whether receiver waits in a receive that a message from sender (a pid, or IPC_KERNEL) ends. */
static inline int accepts(const struct proc *receiver, int sender)
{
	return receiver->state == PROC_RECEIVING &&
	       (receiver->ipc_from == IPC_ANY || receiver->ipc_from == sender);
}

/* The send policy (common/privileges.h): a closed process hears only from holders of PRIV_SEND_CLOSED. */
static inline int may_send(const struct proc *from, const struct proc *to)
{
	return !(to->privileges & PRIV_CLOSED) || (from->privileges & PRIV_SEND_CLOSED);
}

/* Gives a new process its receive queue. Returns 0 or -E_NOMEM. */
int ipc_init_process(struct proc *p);
/* ORs bits into p's pending notifications and wakes p if it waits for them. */
void ipc_notify(struct proc *p, uint64_t bits);
/* sleep(): p waits in a receive that no message matches, until ticks (> 0) have passed. */
void ipc_sleep(struct proc *p, uint64_t ticks);
/* Called every tick: ends sleeps, expires recv timeouts and alarms. */
void ipc_tick(uint64_t now);
/* p is exiting: wakes everyone waiting on it with -E_DEAD and frees its queue. */
void ipc_exit_process(struct proc *p);

#endif
