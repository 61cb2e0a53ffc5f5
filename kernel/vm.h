/*
 * Sv39 page tables (RISC-V privileged spec §4.4): three levels of 512
 * eight-byte entries, each level translating 9 bits of the virtual address.
 * Every address space shares the kernel's upper half; the functions here
 * build and tear down the lower, user half, and move bytes across it.
 */
#ifndef KERNEL_VM_H
#define KERNEL_VM_H

#include <stddef.h>
#include <stdint.h>
#include "fdt.h"

typedef uint64_t pte_t;

/* Page table entry bits (§4.4.1, Figure 4.21) */
#define PTE_V (1UL << 0) /* valid */
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_U (1UL << 4) /* user mode may use it (and S-mode then may not execute it) */
#define PTE_G (1UL << 5) /* global: present in every address space */
#define PTE_A (1UL << 6) /* accessed */
#define PTE_D (1UL << 7) /* dirty */
/* Bits 8 and 9 are reserved for software; we use one to mark a page this
 * address space borrows (the boot image), which must not be freed with it. */
#define PTE_BORROWED (1UL << 8)
#define PTE_LEAF_BITS (PTE_R | PTE_W | PTE_X)
/* An entry holds a physical page number in bits 10..53. */
#define PTE_TO_PA(pte) (((pte) >> 10) << PAGE_SHIFT)
#define PA_TO_PTE(pa) (((uint64_t)(pa) >> PAGE_SHIFT) << 10)

/* Builds the kernel's page table (all RAM and the devices in the upper half) and switches to it. */
void vm_init_kernel(const struct boot_info *info);
/* Switches this hart to the kernel-only page table (used before an address space is freed). */
void vm_switch_to_kernel(void);
/* The satp value that selects the address space rooted at root. */
uint64_t vm_satp(pte_t *root);

/* Returns a new address space holding only the kernel half, or 0 if out of memory. */
pte_t *vm_create(void);
/* Frees every page of the user half that the address space owns, and its page tables. */
void vm_free(pte_t *root);

/* Returns the leaf entry for va, creating missing tables if create is set; 0 if absent or out of memory. */
pte_t *vm_walk(pte_t *root, uint64_t va, int create);
/* Maps the page at va to physical pa with flags (PTE_R/W/X/U/BORROWED). Returns 0, -E_NOMEM or -E_INVAL. */
int vm_map_page(pte_t *root, uint64_t va, uint64_t pa, uint64_t flags);
/* Allocates zeroed pages for [va, va + size) and maps them with flags. Returns 0 or -E_NOMEM. */
int vm_map_new_pages(pte_t *root, uint64_t va, uint64_t size, uint64_t flags);
/*
 * Prints the valid entries of the user half of table, a page table of the
 * given level (2: a root) that maps the virtual addresses from table_va on,
 * and of the tables below it, in the format of docs/memory.md.
 * vm_print(root, 2, 0) prints a whole address space's user half.
 */
void vm_print(pte_t *table, int level, uint64_t table_va);

/*
 * Returns the kernel address of [va, va + length) if the range lies in one
 * page that is mapped for user reads (and writes, if writable); else 0.
 * The fast way to reach a small user object such as an IPC message.
 */
void *vm_user_pointer(pte_t *root, uint64_t va, uint64_t length, int writable);
/* Returns whether all of [va, va + length) is mapped for user reads (and writes, if writable). */
int vm_user_range_ok(pte_t *root, uint64_t va, uint64_t length, int writable);

/*
 * Copies between kernel memory and the user half of an address space,
 * checking every page: the whole range must be mapped for user access with
 * the needed permission. Returns 0 or -E_FAULT, having copied nothing on
 * -E_FAULT.
 */
int vm_copy_in(pte_t *root, void *dst, uint64_t user_src, size_t length);
int vm_copy_out(pte_t *root, uint64_t user_dst, const void *src, size_t length);
/* Copies a NUL-terminated string of at most size-1 bytes. Returns its length, -E_FAULT, or -E_2BIG. */
long vm_copy_string_in(pte_t *root, char *dst, uint64_t user_src, size_t size);

#endif
