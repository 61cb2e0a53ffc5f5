/*
 * Handling traps in C. From user mode: a system call, a timer tick, a
 * device interrupt, an IPI, or a fault that kills the process. From kernel mode: always a kernel bug,
 * because the kernel runs with interrupts disabled (sched.c).
 */
#include <stddef.h>
#include "common/syscall_numbers.h"
#include "hart.h"
#include "interrupt.h"
#include "ipc.h"
#include "panic.h"
#include "proc.h"
#include "riscv.h"
#include "sched.h"
#include "syscall.h"
#include "timer.h"
#include "trap.h"

_Static_assert(offsetof(struct trap_frame, pc) == TRAP_FRAME_PC, "trap_entry.S layout");
_Static_assert(offsetof(struct trap_frame, kernel_sp) == TRAP_FRAME_KERNEL_SP, "trap_entry.S layout");
_Static_assert(offsetof(struct trap_frame, hart) == TRAP_FRAME_HART, "trap_entry.S layout");
_Static_assert(sizeof(struct trap_frame) <= TRAP_FRAME_SIZE, "trap_entry.S layout");

void trap_from_user(void)
{
	struct proc *p = this_hart()->current;
	uint64_t scause = r_scause();
	if (p->killed) {
		/* kill() found it running here: end it now that its page table is free to go. */
		proc_exit(p, EXIT_STATUS_KILLED);
	} else if (scause == EXC_ECALL_FROM_U) {
		syscall_dispatch(p);
	} else if (scause == (SCAUSE_INTERRUPT | IRQ_S_TIMER)) {
		timer_tick_if_due();
		sched_yield_current();
	} else if (scause == (SCAUSE_INTERRUPT | IRQ_S_EXTERNAL)) {
		interrupt_handle_pending();
	} else if (scause == (SCAUSE_INTERRUPT | IRQ_S_SOFTWARE)) {
		/* An IPI only wakes a hart; a running one has nothing to do for it. */
		clear_sip_bits(SIP_SSIP);
	} else {
		proc_kill_for_fault(p, scause, p->frame.pc, r_stval());
	}
	sched_leave_kernel();
}

struct trap_frame *trap_from_ecall(void)
{
	struct proc *p = this_hart()->current;
	uint64_t number = p->frame.regs[REG_A7];
	/*
	 * The general path (trap_from_user, where scause still says ecall) ends
	 * a killed process, and prints the trace line of a traced one.
	 */
	if (p->killed || p->trace_mask != 0)
		trap_from_user();
	/* The fast paths: getpid, and call and reply_recv when the partner already waits (ipc.c). */
	if (number == SYS_GETPID) {
		p->frame.regs[REG_A0] = (uint64_t)p->pid; /* sys_getpid, without the call */
		return &p->frame;
	}
	if (!(number == SYS_CALL && ipc_fast_call(p)) &&
	    !(number == SYS_REPLY_RECV && ipc_fast_reply_recv(p)))
		trap_from_user();
	/*
	 * The fast way out, without the scheduler. A fast path may have made
	 * its partner this hart's process (sched_hand_off): then load that
	 * process's address space, and tell its frame which hart it is on.
	 */
	struct hart *hart = this_hart();
	struct proc *next = hart->current;
	if (r_satp() != next->satp) {
		next->frame.kernel_sp = hart->stack_top;
		next->frame.hart = (uint64_t)hart;
		w_satp_and_flush(next->satp);
	}
	return &next->frame;
}

void trap_from_kernel(struct trap_frame *frame)
{
	panic_on_trap(r_scause(), frame->pc, r_stval(), frame->regs[REG_S0]);
}
