/*
 * Traps: every exception and interrupt, from user or kernel mode, enters
 * the kernel at trap_vector (trap_entry.S). A trap from user mode saves the
 * process's registers in its trap frame; trap_from_user() handles it and
 * leaves through trap_return_to_user(), possibly to another process.
 */
#ifndef KERNEL_TRAP_H
#define KERNEL_TRAP_H

#include <stdint.h>

/* Register numbers (unprivileged spec, chapter 25 "RISC-V Assembly Programmer's Handbook"). */
#define REG_RA 1
#define REG_SP 2
#define REG_S0 8
#define REG_A0 10
#define REG_A1 11
#define REG_A2 12
#define REG_A3 13
#define REG_A4 14
#define REG_A5 15
#define REG_A7 17

/* The layout is shared with trap_entry.S: change both together (checked in trap.c). */
struct trap_frame {
	uint64_t regs[32];  /* x0..x31 of the user program, by register number; regs[0] unused */
	uint64_t pc;        /* where the program resumes (sepc) */
	uint64_t kernel_sp; /* top of the kernel stack of the hart running the process */
	uint64_t hart;      /* that hart's struct hart, loaded into tp on entry */
};

#define TRAP_FRAME_PC 256
#define TRAP_FRAME_KERNEL_SP 264
#define TRAP_FRAME_HART 272
#define TRAP_FRAME_SIZE 288 /* a multiple of 16, to keep the stack aligned */

/* Handles a trap from the process this hart runs, with the big kernel lock held; leaves by the scheduler. */
void trap_from_user(void) __attribute__((noreturn));
/*
 * trap_vector calls this for a kernel call (an ecall), with the big kernel
 * lock held and the frame's pc already past the ecall. It returns only when
 * a fast path ran the call, with the frame to restore; trap_vector then drops
 * the lock. Every other call goes the general way, trap_from_user().
 */
struct trap_frame *trap_from_ecall(void);
void trap_from_kernel(struct trap_frame *frame) __attribute__((noreturn));
/* Restores every register from frame and enters user mode at frame->pc (trap_entry.S). */
void trap_return_to_user(struct trap_frame *frame) __attribute__((noreturn));

#endif
