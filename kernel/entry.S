/*
 * The first instructions of the kernel. OpenSBI jumps to _entry on the
 * boot hart in S-mode with paging off, a0 = hart id and a1 = the device
 * tree's physical address; SBI HSM starts the other harts at
 * _entry_secondary with a0 = hart id. Until paging is on, the code runs at
 * physical addresses, so it uses only PC-relative addressing (la).
 */
#define KERNEL_VIRT_OFFSET 0xffffffc000000000
#define HART_STACK_SIZE 16384
#define MAX_HARTS 8
#define SATP_MODE_SV39 (8 << 60)

.section .text.entry
.globl _entry
_entry:
	/* Harts beyond MAX_HARTS have no stack: park them. */
	li t0, MAX_HARTS
	bgeu a0, t0, park

	/*
	 * Only the first hart here boots the kernel. OpenSBI 1.1 marks a hart
	 * "start pending" before it stores the start address we asked for, so
	 * a hart that wakes in between can arrive here, at the boot entry,
	 * instead of at _entry_secondary (seen once in ~70 boots on 4 harts).
	 * Every later arrival is such a hart: send it where it was asked to go.
	 * boot_claimed lives in .data, so clearing .bss leaves it alone.
	 */
	la t0, boot_claimed
	li t1, 1
	amoswap.w.aq t1, t1, (t0)
	bnez t1, _entry_secondary

	/* Clear .bss before anything lives there (QEMU zeroes it too, but a loader need not). */
	la t0, kernel_bss_start
	la t1, kernel_bss_end
1:	bgeu t0, t1, 2f
	sd zero, (t0)
	addi t0, t0, 8
	j 1b
2:
	la s1, kernel_main
	j enable_paging_and_call

.globl _entry_secondary
_entry_secondary:
	la s1, kernel_main_secondary

/*
 * Sets sp to this hart's stack, turns on Sv39 with early_page_table, and
 * calls the C function at physical address s1 at its virtual address,
 * with a0 and a1 as they were.
 */
enable_paging_and_call:
	la sp, hart_stacks
	li t0, HART_STACK_SIZE
	addi t1, a0, 1
	mul t0, t0, t1
	add sp, sp, t0

	la t0, early_page_table
	srli t0, t0, 12
	li t1, SATP_MODE_SV39
	or t0, t0, t1
	csrw satp, t0
	sfence.vma zero, zero

	/* Paging is on, and early_page_table maps this code twice: jump to the upper half. */
	li t0, KERNEL_VIRT_OFFSET
	add sp, sp, t0
	add s1, s1, t0
	li s0, 0 /* no caller frame: backtraces stop here */
	li ra, 0
	jr s1

park:
	wfi
	j park

/*
 * The boot page table: 1 GiB leaf entries (privileged spec §4.4.1) that map
 * physical 0x80000000-0x17fffffff both at itself (so the instruction after
 * csrw satp can still be fetched) and at KERNEL_VIRT_OFFSET above it.
 * vm_init_kernel() replaces it with the kernel's real page table.
 * Entry bits: V R W X A D = 0xcf; the physical page number starts at bit 10.
 */
#define GIGAPAGE(pa) (((pa) >> 12) << 10 | 0xcf)

.section .data
boot_claimed:
	.word 0

.balign 4096
early_page_table:
	.zero 2 * 8
	.quad GIGAPAGE(0x80000000) /* entry 2: identity */
	.zero (258 - 3) * 8
	.quad GIGAPAGE(0x80000000) /* entries 258..261: 0x80000000 + KERNEL_VIRT_OFFSET */
	.quad GIGAPAGE(0xc0000000)
	.quad GIGAPAGE(0x100000000)
	.quad GIGAPAGE(0x140000000)
	.zero (512 - 262) * 8
