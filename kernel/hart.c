/*
 * Starting harts and keeping their state. Under OpenSBI only the boot hart
 * runs at first; the others wait in the SBI HSM "stopped" state (SBI spec
 * §9) until hart_start_others() asks for them.
 */
#include "common/string.h"
#include "hart.h"
#include "printk.h"
#include "riscv.h"
#include "sbi.h"

struct hart harts[MAX_HARTS];
uint8_t hart_stacks[MAX_HARTS][HART_STACK_SIZE] __attribute__((aligned(16)));

/* The secondary harts' entry point in entry.S, executed with paging off. */
extern char _entry_secondary[];
extern char trap_vector[];

void hart_init_this(uint64_t hartid)
{
	struct hart *hart = &harts[hartid];
	hart->id = hartid;
	hart->stack_top = (uint64_t)&hart_stacks[hartid][HART_STACK_SIZE];
	asm volatile("mv tp, %0" : : "r"(hart));
	w_stvec((uint64_t)trap_vector);
	/* sscratch is 0 while the hart is in the kernel; trap_entry.S relies on it. */
	w_sscratch(0);
	/*
	 * The kernel does not save floating-point registers, so the FPU stays
	 * Off (§3.1.6.6): an FP instruction in any mode is an illegal instruction.
	 * OpenSBI may have left it on.
	 *
	 * sret enters the mode in sstatus.SPP, with interrupts on if SPIE is
	 * set, then sets SPP to U-mode and SPIE to 1 (§4.1.1); a trap from
	 * U-mode leaves them so too. So set them once here, and every sret
	 * enters user mode with interrupts on without touching sstatus again.
	 */
	w_sstatus((r_sstatus() & ~(SSTATUS_FS | SSTATUS_SPP)) | SSTATUS_SPIE);
	/* Let user code read cycle, time and instret (§4.1.5) for measurements. */
	w_scounteren(0x7);
	__atomic_store_n(&hart->online, 1, __ATOMIC_RELEASE);
}

void hart_start_others(const struct boot_info *info)
{
	uint64_t entry = virt_to_phys(_entry_secondary);
	for (int i = 0; i < info->hart_count; i++) {
		uint64_t id = info->hart_ids[i];
		if (id >= MAX_HARTS) {
			printk("kernel: hart %lu ignored: ids must be below %d\n", id, MAX_HARTS);
			continue;
		}
		if (id == this_hart()->id)
			continue;
		long error = sbi_hart_start(id, entry, 0);
		if (error != 0) {
			printk("kernel: hart %lu did not start (SBI error %ld)\n", id, error);
			continue;
		}
		/* It says so itself without the big kernel lock, which this hart holds
		 * (kernel_main_secondary). */
		while (!__atomic_load_n(&harts[id].online, __ATOMIC_ACQUIRE))
			;
		printk("kernel: hart %lu online\n", id);
	}
}

void hart_wake_idle(void)
{
	for (int i = 0; i < MAX_HARTS; i++) {
		if (harts[i].online && harts[i].idle) {
			harts[i].idle = 0;
			sbi_send_ipi(1UL << harts[i].id);
			return;
		}
	}
}

int hart_stack_contains(uint64_t address)
{
	uint64_t start = (uint64_t)hart_stacks;
	return address >= start && address < start + sizeof(hart_stacks);
}
