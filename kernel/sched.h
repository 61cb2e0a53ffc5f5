/*
 * The scheduler: one ready queue per priority level, round-robin within a
 * level, a timer tick to preempt. Every hart picks from the same queues
 * (under the big kernel lock), so a process may run on any hart.
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include "hart.h"
#include "proc.h"

/* Puts p at the tail of its priority's ready queue. */
void sched_make_ready(struct proc *p);
/* Takes p off its ready queue if it is on one (it is being freed). */
void sched_remove(struct proc *p);
/* Makes next, which was blocked, this hart's current process: it runs when the kernel is left. */
static inline void sched_hand_off(struct proc *next)
{
	this_hart()->current = next;
	next->state = PROC_RUNNING;
}
/* Sends the current process of this hart to the back of its queue. */
void sched_yield_current(void);

/*
 * Leaves the kernel: runs this hart's current process if it is still
 * running, otherwise the first ready process, otherwise idles until one is
 * ready. Called with the big kernel lock held; releases it.
 */
void sched_leave_kernel(void) __attribute__((noreturn));

#endif
