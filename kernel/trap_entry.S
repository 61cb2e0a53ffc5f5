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

/* Stores x1 and x3..x31 at their places in a frame (x2 = sp is handled on its own). */
.macro save_registers base
	sd x1, 8(\base)
	sd x3, 24(\base)
	sd x4, 32(\base)
	sd x5, 40(\base)
	sd x6, 48(\base)
	sd x7, 56(\base)
	sd x8, 64(\base)
	sd x9, 72(\base)
	sd x10, 80(\base)
	sd x11, 88(\base)
	sd x12, 96(\base)
	sd x13, 104(\base)
	sd x14, 112(\base)
	sd x15, 120(\base)
	sd x16, 128(\base)
	sd x17, 136(\base)
	sd x18, 144(\base)
	sd x19, 152(\base)
	sd x20, 160(\base)
	sd x21, 168(\base)
	sd x22, 176(\base)
	sd x23, 184(\base)
	sd x24, 192(\base)
	sd x25, 200(\base)
	sd x26, 208(\base)
	sd x27, 216(\base)
	sd x28, 224(\base)
	sd x29, 232(\base)
	sd x30, 240(\base)
	sd x31, 248(\base)
.endm

.section .text
.globl trap_vector
.balign 4
trap_vector:
	/* Swap sp and sscratch: from user mode sp is now the trap frame, from kernel mode 0. */
	csrrw sp, sscratch, sp
	beqz sp, from_kernel

	save_registers sp
	csrr t0, sscratch
	sd t0, 16(sp)            /* the user's sp */
	csrr t0, sepc
	sd t0, FRAME_PC(sp)
	csrw sscratch, zero      /* in the kernel now: a nested trap is a kernel trap */
	mv a0, sp
	ld tp, FRAME_HART(sp)
	ld sp, FRAME_KERNEL_SP(sp)
	li s0, 0                 /* ends the backtrace's frame chain here */
	call trap_from_user      /* never returns: it leaves by trap_return_to_user */

from_kernel:
	csrrw sp, sscratch, sp   /* sp back as it was, sscratch 0 again */
	addi sp, sp, -FRAME_SIZE
	save_registers sp
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
