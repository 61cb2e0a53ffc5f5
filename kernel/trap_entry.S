/*
 * The one trap vector (stvec, direct mode) for traps from user and kernel
 * mode. sscratch tells them apart: while a process runs it holds the
 * address of the process's trap frame; while the kernel runs it holds 0.
 * Offsets are those of struct trap_frame in trap.h.
 */
#define FRAME_PC 256
#define FRAME_KERNEL_SP 264
#define FRAME_HART 272
#define FRAME_SIZE 288

/*
 * The registers a kernel call keeps for its caller (the call convention in
 * docs/syscalls.md): ra, gp, tp, s0..s11, and the arguments a0..a5 and a7,
 * which the kernel reads from the frame. sp (x2) is handled on its own.
 */
#define KEPT_REGISTERS 1,3,4,8,9,10,11,12,13,14,15,17,18,19,20,21,22,23,24,25,26,27
/* The rest, t0..t6 and a6, which a kernel call may clobber. */
#define SCRATCH_REGISTERS 5,6,7,16,28,29,30,31

/*
 * The rest of the way into the kernel from user mode, once the frame is
 * saved: the user's sp into the frame, then the hart's own tp and kernel
 * stack, and the big kernel lock (lock.h: the same amoswap loop).
 */
.macro enter_kernel
	csrr a1, sscratch
	sd a1, 16(sp)            /* the user's sp */
	csrw sscratch, zero      /* in the kernel now: a nested trap is a kernel trap */
	mv a0, sp
	ld tp, FRAME_HART(sp)
	ld sp, FRAME_KERNEL_SP(sp)
	li s0, 0                 /* ends the backtrace's frame chain here */
	la s1, big_kernel_lock   /* s1 (saved in the frame) keeps it for the release */
	li a1, 1
1:	amoswap.w.aq a1, a1, (s1)
	bnez a1, 1b
.endm

.section .text
.globl trap_vector
.balign 4
trap_vector:
	/* Swap sp and sscratch: from user mode sp is now the trap frame, from kernel mode 0. */
	csrrw sp, sscratch, sp
	beqz sp, from_kernel

	.irp reg, KEPT_REGISTERS
	sd x\reg, (\reg * 8)(sp)
	.endr
	/* a1..a3 are saved now, so they are free to use. */
	csrr a1, scause
	li a2, 8                 /* scause 8: an ecall from U-mode */
	bne a1, a2, from_user_not_ecall
	/*
	 * A kernel call (privileged spec §4.1.9: scause 8 is an ecall from
	 * U-mode). It is made on purpose, by a wrapper that tells the compiler
	 * that the call clobbers the scratch registers, so they are not saved:
	 * the program holds nothing in them. Their slots keep the process's own
	 * older values, which trap_return_to_user restores, so nothing of the
	 * kernel's or of another process leaks into them.
	 */
	csrr a1, sepc
	addi a1, a1, 4           /* resume after the ecall, not on it */
	sd a1, FRAME_PC(sp)
	enter_kernel
	call trap_from_ecall     /* returns only from a fast path, with the frame to restore */
	amoswap.w.rl zero, zero, (s1)    /* releases the lock, as kernel_unlock() does */
	j trap_return_to_user

from_user_not_ecall:
	/* An interrupt or a fault can strike anywhere: every register is saved. */
	.irp reg, SCRATCH_REGISTERS
	sd x\reg, (\reg * 8)(sp)
	.endr
	csrr a1, sepc
	sd a1, FRAME_PC(sp)
	enter_kernel
	call trap_from_user      /* never returns: it leaves by trap_return_to_user */

from_kernel:
	csrrw sp, sscratch, sp   /* sp back as it was, sscratch 0 again */
	addi sp, sp, -FRAME_SIZE
	.irp reg, KEPT_REGISTERS, SCRATCH_REGISTERS
	sd x\reg, (\reg * 8)(sp)
	.endr
	addi t0, sp, FRAME_SIZE
	sd t0, 16(sp)
	csrr t0, sepc
	sd t0, FRAME_PC(sp)
	mv a0, sp
	call trap_from_kernel     /* never returns: the kernel runs with interrupts off, so this is a bug */

/* void trap_return_to_user(struct trap_frame *frame): sstatus.SPP must already say U-mode. */
.globl trap_return_to_user
trap_return_to_user:
	csrw sscratch, a0
	ld t0, FRAME_PC(a0)
	csrw sepc, t0
	ld sp, 16(a0)
	/* a0 (x10) is the base register, so it is loaded last. */
	.irp reg, 1,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ld x\reg, (\reg * 8)(a0)
	.endr
	ld a0, 80(a0)
	sret
