/*
 * Kernel panics and their backtraces. The kernel is built with frame
 * pointers, so each frame stores the caller's frame pointer at fp-16 and
 * the return address at fp-8 (RISC-V psABI, "Frame pointer convention").
 * grade/ turns the printed addresses into file:line with addr2line.
 */
#include <stdarg.h>
#include "hart.h"
#include "panic.h"
#include "printk.h"
#include "proc.h"
#include "riscv.h"

#define MAX_BACKTRACE_DEPTH 32

const char *scause_name(uint64_t scause)
{
	static const char *const exceptions[] = {
		"instruction address misaligned",
		"instruction access fault",
		"illegal instruction",
		"breakpoint",
		"load address misaligned",
		"load access fault",
		"store address misaligned",
		"store access fault",
		"environment call from U-mode",
		"environment call from S-mode",
		"reserved",
		"reserved",
		"instruction page fault",
		"load page fault",
		"reserved",
		"store page fault",
	};
	if (scause & SCAUSE_INTERRUPT) {
		uint64_t code = scause & ~SCAUSE_INTERRUPT;
		if (code == IRQ_S_SOFTWARE)
			return "supervisor software interrupt";
		if (code == IRQ_S_TIMER)
			return "supervisor timer interrupt";
		if (code == 9)
			return "supervisor external interrupt";
		return "unknown interrupt";
	}
	if (scause < sizeof(exceptions) / sizeof(exceptions[0]))
		return exceptions[scause];
	return "unknown exception";
}

void print_backtrace(uint64_t first_pc, uint64_t fp)
{
	// LAB syscall BEGIN
	printk("backtrace:\n");
	int depth = 0;
	if (first_pc != 0)
		printk("  #%d 0x%lx\n", depth++, first_pc);
	for (; depth < MAX_BACKTRACE_DEPTH; depth++) {
		/*
		 * Trust fp only while its frame lies on a kernel stack: trap_entry.S sets s0 to 0 on entry
		 * from user mode, which ends the chain, and a corrupt chain must not fault inside a panic.
		 */
		if (fp % 8 != 0 || !hart_stack_contains(fp - 16) || !hart_stack_contains(fp - 1))
			break;
		uint64_t return_address = *(uint64_t *)(fp - 8);
		if (return_address == 0)
			break;
		/* ra points after the call; minus 4 lands on the call itself, which addr2line wants. */
		printk("  #%d 0x%lx\n", depth, return_address - 4);
		fp = *(uint64_t *)(fp - 16);
	}
	printk("backtrace end\n");
	// LAB syscall STUB
	// (void)first_pc;
	// (void)fp;
	// printk("backtrace: not written yet (lab syscall, kernel/panic.c)\n");
	// LAB syscall END
}

/* Prints the rest of the report that every panic ends with, then stops this hart for good. */
static void __attribute__((noreturn)) stop_with_report(uint64_t first_pc, uint64_t fp)
{
	struct hart *hart = this_hart();
	struct proc *p = hart->current;
	printk("\n  on hart %lu, process %d (%s)\n", hart->id, p ? p->pid : 0, p ? p->name : "none");
	print_backtrace(first_pc, fp);
	printk("panic: the kernel has stopped; quit QEMU with Ctrl-A X\n");
	/* The big kernel lock is never released, so every other hart stops at its next trap. */
	for (;;)
		wait_for_interrupt();
}

void panic(const char *fmt, ...)
{
	va_list args;
	va_start(args, fmt);
	printk("\npanic: ");
	vprintk(fmt, args);
	va_end(args);
	stop_with_report(0, r_frame_pointer());
}

void panic_on_trap(uint64_t scause, uint64_t sepc, uint64_t stval, uint64_t fp)
{
	printk("\npanic: trap in kernel: %s (scause 0x%lx), sepc=0x%lx, stval=0x%lx", scause_name(scause),
	       scause, sepc, stval);
	stop_with_report(sepc, fp);
}
