/*
 * Page tables. The kernel half is built once, from 1 GiB "gigapage" leaf
 * entries in the root table (§4.4.1: a leaf may appear at any level), and
 * copied into the root of every new address space; so switching address
 * spaces never changes the kernel's view of memory.
 */
#include "common/errors.h"
#include "common/string.h"
#include "memlayout.h"
#include "page_alloc.h"
#include "panic.h"
#include "printk.h"
#include "riscv.h"
#include "vm.h"

#define ENTRIES_PER_TABLE 512
#define FIRST_KERNEL_ENTRY 256 /* root entries 256..511 form the upper half */
#define GIGAPAGE_SIZE (1UL << 30)

/* Bits 10..53 of an entry hold the physical page number. */

static pte_t kernel_root[ENTRIES_PER_TABLE] __attribute__((aligned(PAGE_SIZE)));

/* The 9-bit index of va at a level: level 2 is the root, level 0 the leaf tables. */
static int table_index(uint64_t va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * level)) & (ENTRIES_PER_TABLE - 1);
}

static void map_gigapage(uint64_t pa, uint64_t flags)
{
	uint64_t va = pa + KERNEL_VIRT_OFFSET;
	/* A and D are set up front: QEMU would set them, but real hardware may fault instead (§4.4.1). */
	kernel_root[table_index(va, 2)] = PA_TO_PTE(pa) | flags | PTE_V | PTE_G | PTE_A | PTE_D;
}

void vm_init_kernel(const struct boot_info *info)
{
	/* The first gigabyte holds the devices (UART, PLIC, virtio): data only, never code. */
	map_gigapage(0, PTE_R | PTE_W);
	uint64_t start = info->memory_base & ~(GIGAPAGE_SIZE - 1);
	for (uint64_t pa = start; pa < info->memory_base + info->memory_size; pa += GIGAPAGE_SIZE)
		map_gigapage(pa, PTE_R | PTE_W | PTE_X);
	vm_switch_to_kernel();
}

uint64_t vm_satp(pte_t *root)
{
	return SATP_MODE_SV39 | (virt_to_phys(root) >> PAGE_SHIFT);
}

void vm_switch_to_kernel(void)
{
	w_satp_and_flush(vm_satp(kernel_root));
}

pte_t *vm_create(void)
{
	pte_t *root = page_alloc();
	if (root == 0)
		return 0;
	for (int i = FIRST_KERNEL_ENTRY; i < ENTRIES_PER_TABLE; i++)
		root[i] = kernel_root[i];
	return root;
}

/* Frees a table of the user half and everything below it; level 2 is the root. */
static void free_table(pte_t *table, int level)
{
	int end = level == 2 ? FIRST_KERNEL_ENTRY : ENTRIES_PER_TABLE;
	for (int i = 0; i < end; i++) {
		pte_t entry = table[i];
		if (!(entry & PTE_V))
			continue;
		void *target = phys_to_virt(PTE_TO_PA(entry));
		if (entry & PTE_LEAF_BITS) {
			if (!(entry & PTE_BORROWED))
				page_free(target);
		} else {
			free_table(target, level - 1);
		}
	}
	page_free(table);
}

void vm_free(pte_t *root)
{
	free_table(root, 2);
}

/* The leaf entry for va if every table on the way exists, else 0. Inline: every user copy starts here. */
static inline pte_t *find_leaf(pte_t *root, uint64_t va)
{
	if (va >= USER_SPACE_END)
		return 0;
	pte_t *table = root;
	for (int level = 2; level > 0; level--) {
		pte_t entry = table[table_index(va, level)];
		if ((entry & (PTE_V | PTE_LEAF_BITS)) != PTE_V)
			return 0; /* absent, or a large page, which user space never has */
		table = phys_to_virt(PTE_TO_PA(entry));
	}
	return &table[table_index(va, 0)];
}

pte_t *vm_walk(pte_t *root, uint64_t va, int create)
{
	if (!create)
		return find_leaf(root, va);
	if (va >= USER_SPACE_END)
		return 0;
	pte_t *table = root;
	for (int level = 2; level > 0; level--) {
		pte_t *entry = &table[table_index(va, level)];
		if (*entry & PTE_V) {
			if (*entry & PTE_LEAF_BITS)
				return 0; /* user space never has large pages */
			table = phys_to_virt(PTE_TO_PA(*entry));
			continue;
		}
		pte_t *next = page_alloc();
		if (next == 0)
			return 0;
		*entry = PA_TO_PTE(virt_to_phys(next)) | PTE_V;
		table = next;
	}
	return &table[table_index(va, 0)];
}

int vm_map_page(pte_t *root, uint64_t va, uint64_t pa, uint64_t flags)
{
	if (va % PAGE_SIZE != 0 || pa % PAGE_SIZE != 0 || (flags & PTE_LEAF_BITS) == 0)
		return -E_INVAL;
	pte_t *entry = vm_walk(root, va, 1);
	if (entry == 0)
		return va >= USER_SPACE_END ? -E_INVAL : -E_NOMEM;
	if (*entry & PTE_V)
		return -E_INVAL;
	*entry = PA_TO_PTE(pa) | flags | PTE_V | PTE_A | PTE_D;
	return 0;
}

int vm_map_new_pages(pte_t *root, uint64_t va, uint64_t size, uint64_t flags)
{
	for (uint64_t offset = 0; offset < size; offset += PAGE_SIZE) {
		void *page = page_alloc();
		if (page == 0)
			return -E_NOMEM;
		int error = vm_map_page(root, va + offset, virt_to_phys(page), flags);
		if (error < 0) {
			page_free(page);
			return error;
		}
	}
	return 0;
}

void vm_print(pte_t *table, int level, uint64_t table_va)
{
	// LAB pgtbl BEGIN
	/* Two spaces for each level below the root, by level. */
	static const char *const indent[] = { "    ", "  ", "" };
	for (int i = 0; i < ENTRIES_PER_TABLE; i++) {
		pte_t entry = table[i];
		/* The kernel half is global (G, §4.4.1), the same in every address space: leave it out. */
		if (!(entry & PTE_V) || (entry & PTE_G))
			continue;
		/* An entry at a level spans 2^(12 + 9 * level) bytes: each level translates 9 bits (§4.4). */
		uint64_t va = table_va + ((uint64_t)i << (PAGE_SHIFT + 9 * level));
		/* Bits 1..7 in order (§4.4.1, Figure 4.21): a letter where the bit is set. */
		char flags[] = "rwxugad";
		for (int bit = 0; bit < 7; bit++)
			flags[bit] = entry & (PTE_R << bit) ? flags[bit] : '-';
		printk("%sL%d va 0x%lx pa 0x%lx %s\n", indent[level], level, va, PTE_TO_PA(entry), flags);
		/* No R, W or X: the entry points to the next level's table (§4.4.1). */
		if (!(entry & PTE_LEAF_BITS))
			vm_print(phys_to_virt(PTE_TO_PA(entry)), level - 1, va);
	}
	// LAB pgtbl STUB
	// /* lab pgtbl: print the entries (labs/pgtbl/README.md) */
	// (void)table;
	// (void)level;
	// (void)table_va;
	// LAB pgtbl END
}

/* Returns the kernel address of user address va if the page allows user access with need, else 0. */
static inline uint8_t *user_to_kernel(pte_t *root, uint64_t va, uint64_t need)
{
	pte_t *entry = find_leaf(root, va);
	if (entry == 0 || (*entry & (PTE_V | PTE_U | need)) != (PTE_V | PTE_U | need))
		return 0;
	return (uint8_t *)phys_to_virt(PTE_TO_PA(*entry)) + va % PAGE_SIZE;
}

/* Checks the whole user range first, so that a failed copy changes nothing. */
static int user_range_ok(pte_t *root, uint64_t va, uint64_t length, uint64_t need)
{
	if (length == 0)
		return 1;
	if (va >= USER_SPACE_END || length > USER_SPACE_END - va)
		return 0;
	for (uint64_t page = va & ~(PAGE_SIZE - 1); page < va + length; page += PAGE_SIZE) {
		if (user_to_kernel(root, page, need) == 0)
			return 0;
	}
	return 1;
}

void *vm_user_pointer(pte_t *root, uint64_t va, uint64_t length, int writable)
{
	if (length == 0 || va % PAGE_SIZE + length > PAGE_SIZE)
		return 0;
	return user_to_kernel(root, va, writable ? PTE_R | PTE_W : PTE_R);
}

int vm_user_range_ok(pte_t *root, uint64_t va, uint64_t length, int writable)
{
	return user_range_ok(root, va, length, writable ? PTE_R | PTE_W : PTE_R);
}

/* Copies length bytes between user address user and kernel address kernel, in the direction to_user says. */
static int copy_user(pte_t *root, uint64_t user, uint8_t *kernel, size_t length, int to_user)
{
	uint64_t need = to_user ? PTE_W : PTE_R;
	if (!user_range_ok(root, user, length, need))
		return -E_FAULT;
	while (length > 0) {
		size_t chunk = PAGE_SIZE - user % PAGE_SIZE;
		if (chunk > length)
			chunk = length;
		uint8_t *mapped = user_to_kernel(root, user, need);
		memcpy(to_user ? mapped : kernel, to_user ? kernel : mapped, chunk);
		kernel += chunk;
		user += chunk;
		length -= chunk;
	}
	return 0;
}

int vm_copy_in(pte_t *root, void *dst, uint64_t user_src, size_t length)
{
	return copy_user(root, user_src, dst, length, 0);
}

int vm_copy_out(pte_t *root, uint64_t user_dst, const void *src, size_t length)
{
	return copy_user(root, user_dst, (uint8_t *)src, length, 1);
}

long vm_copy_string_in(pte_t *root, char *dst, uint64_t user_src, size_t size)
{
	for (size_t i = 0; i < size; i++) {
		const uint8_t *byte = user_to_kernel(root, user_src + i, PTE_R);
		if (byte == 0 || user_src + i >= USER_SPACE_END)
			return -E_FAULT;
		dst[i] = (char)*byte;
		if (*byte == '\0')
			return (long)i;
	}
	return -E_2BIG;
}
