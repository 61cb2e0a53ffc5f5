/*
 * Adding pages to address spaces. Every call maps at page granularity and
 * only where nothing is mapped yet, so no call can replace or free a page a
 * process already uses. Pages mapped here are freed with the address space;
 * a shared page has one owner per address space and is freed with the last.
 */
#include "common/errors.h"
#include "common/privileges.h"
#include "map.h"
#include "memlayout.h"
#include "page_alloc.h"
#include "syscall.h"

/* Checks that [va, va + length) is page-aligned user space in which nothing is mapped yet. */
static int check_unmapped(pte_t *root, uint64_t va, uint64_t length)
{
	if (va % PAGE_SIZE != 0 || length % PAGE_SIZE != 0 || length == 0 || va >= USER_SPACE_END ||
	    length > USER_SPACE_END - va)
		return -E_INVAL;
	for (uint64_t offset = 0; offset < length; offset += PAGE_SIZE) {
		pte_t *entry = vm_walk(root, va + offset, 0);
		if (entry != 0 && (*entry & PTE_V))
			return -E_INVAL;
	}
	return 0;
}

/* map_pages(address, length): zeroed read-write memory at [address, address + length). */
long sys_map_pages(struct proc *p)
{
	uint64_t va = p->frame.regs[REG_A0], length = p->frame.regs[REG_A1];
	int error = check_unmapped(p->root, va, length);
	if (error < 0)
		return error;
	/* Out of memory part way leaves the pages mapped so far: they are the caller's, freed at its exit. */
	return vm_map_new_pages(p->root, va, length, PTE_R | PTE_W | PTE_U);
}

// LAB pgtbl BEGIN
/* The entry of p's own (not borrowed) user page at va, or 0. */
static pte_t *own_user_page(struct proc *p, uint64_t va)
{
	pte_t *entry = vm_walk(p->root, va, 0);
	if (entry == 0 || (*entry & (PTE_V | PTE_U | PTE_BORROWED)) != (PTE_V | PTE_U))
		return 0;
	return entry;
}

// LAB pgtbl END
/*
 * share_pages(pid, address, length): maps the caller's pages at [address,
 * address + length) into pid at the same addresses with the same
 * permissions. pid must be the caller's child, unless the caller may spawn.
 */
long sys_share_pages(struct proc *p)
{
	uint64_t *a = &p->frame.regs[REG_A0];
	uint64_t va = a[1], length = a[2];
	int error;
	struct proc *target = proc_find((int)a[0], &error);
	if (target == 0)
		return error;
	if (target == p)
		return -E_INVAL;
	if (target->parent != p && !(p->privileges & PRIV_SPAWN))
		return -E_PERM;
	// LAB pgtbl BEGIN
	error = check_unmapped(target->root, va, length);
	if (error < 0)
		return error;
	/* Check every source page before mapping any, so that a failed call changes nothing. */
	for (uint64_t offset = 0; offset < length; offset += PAGE_SIZE) {
		if (own_user_page(p, va + offset) == 0)
			return -E_FAULT;
	}
	for (uint64_t offset = 0; offset < length; offset += PAGE_SIZE) {
		pte_t entry = *own_user_page(p, va + offset);
		void *page = phys_to_virt(PTE_TO_PA(entry));
		/* One more owner, so the page outlives whichever of the two exits first (page_alloc.c). */
		error = page_add_owner(page);
		if (error < 0)
			return error;
		/* The same physical page, with the same R, W, X and U bits: both see one memory. */
		error = vm_map_page(target->root, va + offset, PTE_TO_PA(entry),
				    entry & (PTE_LEAF_BITS | PTE_U));
		if (error < 0) {
			page_free(page); /* drops the owner just added */
			return error;
		}
	}
	return 0;
	// LAB pgtbl STUB
	// /* lab pgtbl: share the pages (labs/pgtbl/README.md) */
	// (void)va;
	// (void)length;
	// return -E_NOSYS;
	// LAB pgtbl END
}

/* map_device(physical, address): one page of device registers, read-write, at address. */
long sys_map_device(struct proc *p)
{
	uint64_t pa = p->frame.regs[REG_A0], va = p->frame.regs[REG_A1];
	if (!(p->privileges & PRIV_DEVICE))
		return -E_PERM;
	if (pa % PAGE_SIZE != 0 || pa < DEVICE_WINDOW_START || pa >= DEVICE_WINDOW_END)
		return -E_INVAL;
	int error = check_unmapped(p->root, va, PAGE_SIZE);
	if (error < 0)
		return error;
	/* Borrowed: device registers are not RAM, and are never freed. */
	return vm_map_page(p->root, va, pa, PTE_R | PTE_W | PTE_U | PTE_BORROWED);
}
