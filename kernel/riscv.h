/*
 * Access to RISC-V control and status registers, one tiny function per
 * register, named after it. Bit names follow the RISC-V privileged spec
 * (version 20211203), chapter 4 "Supervisor-Level ISA".
 */
#ifndef KERNEL_RISCV_H
#define KERNEL_RISCV_H

#include <stdint.h>

/* sstatus (§4.1.1) */
#define SSTATUS_SIE (1UL << 1)  /* interrupts enabled while in S-mode */
#define SSTATUS_SPIE (1UL << 5) /* SIE before the trap; sret restores SIE from it */
#define SSTATUS_SPP (1UL << 8)  /* privilege before the trap: 1 = S-mode, 0 = U-mode */
#define SSTATUS_FS (3UL << 13)  /* floating-point unit state; 0 = Off, FP instructions trap */

/* sie and sip (§4.1.3): which interrupts are enabled and pending */
#define SIE_SSIE (1UL << 1) /* supervisor software interrupt (an IPI from SBI) */
#define SIE_STIE (1UL << 5) /* supervisor timer interrupt (sbi_set_timer) */
#define SIE_SEIE (1UL << 9) /* supervisor external interrupt (from the PLIC) */
#define SIP_SSIP (1UL << 1)

/* scause (§4.1.9): the top bit says "interrupt", the rest is the code */
#define SCAUSE_INTERRUPT (1UL << 63)
#define IRQ_S_SOFTWARE 1
#define IRQ_S_TIMER 5
#define IRQ_S_EXTERNAL 9
#define EXC_ECALL_FROM_U 8

/* satp (§4.1.11): MODE 8 selects Sv39 */
#define SATP_MODE_SV39 (8UL << 60)

static inline uint64_t r_sstatus(void)
{
	uint64_t x;
	asm volatile("csrr %0, sstatus" : "=r"(x));
	return x;
}

static inline void w_sstatus(uint64_t x)
{
	asm volatile("csrw sstatus, %0" : : "r"(x));
}

static inline void clear_sip_bits(uint64_t bits)
{
	asm volatile("csrc sip, %0" : : "r"(bits));
}

static inline void w_sie(uint64_t x)
{
	asm volatile("csrw sie, %0" : : "r"(x));
}

static inline void w_stvec(uint64_t x)
{
	asm volatile("csrw stvec, %0" : : "r"(x));
}

static inline void w_sscratch(uint64_t x)
{
	asm volatile("csrw sscratch, %0" : : "r"(x));
}

static inline uint64_t r_scause(void)
{
	uint64_t x;
	asm volatile("csrr %0, scause" : "=r"(x));
	return x;
}

static inline uint64_t r_stval(void)
{
	uint64_t x;
	asm volatile("csrr %0, stval" : "=r"(x));
	return x;
}

static inline uint64_t r_satp(void)
{
	uint64_t x;
	asm volatile("csrr %0, satp" : "=r"(x));
	return x;
}

/*
 * Switches address space. Privileged spec §4.2.1: writing satp does not
 * order later accesses against the old translations, so an sfence.vma must
 * follow before the new page table is trusted.
 */
static inline void w_satp_and_flush(uint64_t x)
{
	asm volatile("csrw satp, %0\n\tsfence.vma zero, zero" : : "r"(x) : "memory");
}

/* scounteren (§4.1.5): bit 0 lets U-mode read cycle, bit 1 time, bit 2 instret */
static inline void w_scounteren(uint64_t x)
{
	asm volatile("csrw scounteren, %0" : : "r"(x));
}

/* The real-time counter; it runs at the device tree's timebase-frequency. */
static inline uint64_t r_time(void)
{
	uint64_t x;
	asm volatile("rdtime %0" : "=r"(x));
	return x;
}

static inline uint64_t r_frame_pointer(void)
{
	uint64_t x;
	asm volatile("mv %0, s0" : "=r"(x));
	return x;
}

/* Waits for an interrupt to become pending (§3.3.3); it need not be enabled in sstatus. */
static inline void wait_for_interrupt(void)
{
	asm volatile("wfi");
}

#endif
