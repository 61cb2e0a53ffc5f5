/*
 * Message passing: send, recv, call, reply, reply_recv, notify and alarm.
 * docs/ipc.md is the contract: every call, flag and error is described
 * there, with diagrams of the fast path and the queued path.
 */
#ifndef KERNEL_IPC_H
#define KERNEL_IPC_H

#include "proc.h"

/* The IPC kernel calls; arguments in the caller's registers (syscall.c). */
long sys_send(struct proc *p);
long sys_recv(struct proc *p);
long sys_call(struct proc *p);
long sys_reply(struct proc *p);
long sys_reply_recv(struct proc *p);
long sys_notify(struct proc *p);
long sys_alarm(struct proc *p);
/*
 * The fast paths of call and reply_recv, tried before sys_call and
 * sys_reply_recv: if the partner already waits and nothing is unusual,
 * they deliver the message, make the partner this hart's current process
 * and return 1. Otherwise they change nothing and return 0.
 */
int ipc_fast_call(struct proc *p);
int ipc_fast_reply_recv(struct proc *p);

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
