/*
 * Choosing what each hart runs. Because a blocked process keeps no kernel
 * stack (proc.h), "switching" is only choosing whose trap frame to restore
 * and which address space to load; there is no kernel context switch.
 */
#include "hart.h"
#include "interrupt.h"
#include "lock.h"
#include "panic.h"
#include "riscv.h"
#include "sched.h"
#include "timer.h"

static struct proc *ready_head[PRIORITY_LEVELS];
static struct proc *ready_tail[PRIORITY_LEVELS];

void sched_make_ready(struct proc *p)
{
	p->state = PROC_READY;
	p->next_ready = 0;
	if (ready_tail[p->priority] != 0)
		ready_tail[p->priority]->next_ready = p;
	else
		ready_head[p->priority] = p;
	ready_tail[p->priority] = p;
	hart_wake_idle();
}

void sched_remove(struct proc *p)
{
	struct proc *previous = 0;
	for (struct proc *q = ready_head[p->priority]; q != 0; previous = q, q = q->next_ready) {
		if (q != p)
			continue;
		if (previous != 0)
			previous->next_ready = q->next_ready;
		else
			ready_head[p->priority] = q->next_ready;
		if (ready_tail[p->priority] == q)
			ready_tail[p->priority] = previous;
		return;
	}
}

static struct proc *take_first_ready(void)
{
	for (int level = 0; level < PRIORITY_LEVELS; level++) {
		struct proc *p = ready_head[level];
		if (p == 0)
			continue;
		ready_head[level] = p->next_ready;
		if (ready_head[level] == 0)
			ready_tail[level] = 0;
		p->next_ready = 0;
		return p;
	}
	return 0;
}

void sched_yield_current(void)
{
	struct hart *hart = this_hart();
	if (hart->current != 0 && hart->current->state == PROC_RUNNING)
		sched_make_ready(hart->current);
	hart->current = 0;
}

static inline void __attribute__((noreturn)) run(struct hart *hart, struct proc *p)
{
	hart->current = p;
	p->state = PROC_RUNNING;
	p->frame.kernel_sp = hart->stack_top;
	p->frame.hart = (uint64_t)hart;
	if (r_satp() != p->satp)
		w_satp_and_flush(p->satp);
	kernel_unlock();
	trap_return_to_user(&p->frame);
}

/* The slow way out of the kernel: choose another process, or wait for one. */
static void __attribute__((noinline, noreturn)) switch_or_idle(struct hart *hart)
{
	hart->current = 0;
	/*
	 * An idle hart must not keep a process's page table loaded: the process
	 * may exit on another hart, which then frees that table.
	 */
	vm_switch_to_kernel();

	for (;;) {
		struct proc *p = take_first_ready();
		if (p != 0)
			run(hart, p);
		/*
		 * Nothing to run. wfi returns once a timer tick, a device interrupt or an IPI is pending
		 * in sie, even though sstatus.SIE is 0 (privileged spec §4.1.3), so
		 * the kernel never takes an interrupt while it runs.
		 */
		hart->idle = 1;
		kernel_unlock();
		wait_for_interrupt();
		kernel_lock();
		hart->idle = 0;
		clear_sip_bits(SIP_SSIP);
		interrupt_handle_pending();
		timer_tick_if_due();
	}
}

void sched_leave_kernel(void)
{
	/* The fast way out, kept apart so that it saves no registers: back to the same process. */
	struct hart *hart = this_hart();
	if (hart->current != 0 && hart->current->state == PROC_RUNNING)
		run(hart, hart->current);
	switch_or_idle(hart);
}
