/*
 * Where things are in physical and virtual memory, and the fixed limits of
 * the kernel. docs/memory.md draws the picture.
 *
 * Every address space has two halves (Sv39, privileged spec §4.4): user
 * space owns the lower half, and the upper half maps all of physical memory
 * at KERNEL_VIRT_OFFSET, kernel image included. So the kernel's virtual
 * address of physical address pa is always pa + KERNEL_VIRT_OFFSET.
 */
#ifndef KERNEL_MEMLAYOUT_H
#define KERNEL_MEMLAYOUT_H

#define PAGE_SIZE 4096UL
#define PAGE_SHIFT 12

/* Start of the upper half: Sv39 addresses are 39 bits, sign-extended to 64. */
#define KERNEL_VIRT_OFFSET 0xffffffc000000000UL

/* OpenSBI sits below this and protects itself with PMP: never touch it. */
#define RAM_START 0x80000000UL

/*
 * Device registers a driver may map (map_device): the UART at 0x10000000
 * and the eight virtio-mmio slots after it, one page each. The PLIC and
 * CLINT below them stay the kernel's and OpenSBI's.
 */
#define DEVICE_WINDOW_START 0x10000000UL
#define DEVICE_WINDOW_END 0x10009000UL

/* User space: programs are linked at USER_TEXT_START (user/user.ld). */
#define USER_TEXT_START 0x10000UL
#define USER_SPACE_END 0x4000000000UL               /* first address of the upper half's mirror */
#define USER_STACK_TOP (USER_SPACE_END - PAGE_SIZE) /* one unmapped guard page above */
#define USER_STACK_PAGES 8

#define MAX_HARTS 8
#define HART_STACK_SIZE 16384
#define MAX_PROCS 64

#define phys_to_virt(pa) ((void *)((uint64_t)(pa) + KERNEL_VIRT_OFFSET))
#define virt_to_phys(va) ((uint64_t)(va)-KERNEL_VIRT_OFFSET)

#endif
