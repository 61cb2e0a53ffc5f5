/*
 * Handling traps in C. From user mode: a system call, a timer tick, a
 * device interrupt, an IPI, or a fault that kills the process. From kernel mode: always a kernel bug,
 * because the kernel runs with interrupts disabled (sched.c).
 */
#include <stddef.h>
#include "hart.h"
#include "interrupt.h"
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

void trap_from_kernel(struct trap_frame *frame)
{
	panic_on_trap(r_scause(), frame->pc, r_stval(), frame->regs[REG_S0]);
}
