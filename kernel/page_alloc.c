/*
 * A free list of pages, linked through the first word of each free page,
 * so the allocator needs no memory of its own. Reserved ranges (OpenSBI,
 * the kernel image, the device tree, the boot image) are never added.
 */
#include "common/errors.h"
#include "common/string.h"
#include "memlayout.h"
#include "page_alloc.h"
#include "panic.h"

#define MAX_RESERVED 8

struct free_page {
	struct free_page *next;
};

static struct free_page *free_list;
static uint64_t free_count;

/* For each page of RAM, how many owners it has beyond the first (it is shared, see map.c). */
static uint8_t *extra_owners;
static uint64_t owners_base;

void page_alloc_count_owners(uint64_t base, uint8_t *counters, uint64_t pages)
{
	memset(counters, 0, pages);
	extra_owners = counters;
	owners_base = base;
}

static uint8_t *extra_owners_of(void *page)
{
	return &extra_owners[(virt_to_phys(page) - owners_base) / PAGE_SIZE];
}

int page_add_owner(void *page)
{
	uint8_t *count = extra_owners_of(page);
	if (*count == UINT8_MAX)
		return -E_NOMEM;
	(*count)++;
	return 0;
}

static struct {
	uint64_t start, end;
} reserved[MAX_RESERVED];
static int reserved_count;

void page_alloc_reserve(uint64_t start, uint64_t end)
{
	if (reserved_count == MAX_RESERVED)
		panic("page_alloc_reserve: more than %d reserved ranges", MAX_RESERVED);
	reserved[reserved_count].start = start & ~(PAGE_SIZE - 1);
	reserved[reserved_count].end = (end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	reserved_count++;
}

static int is_reserved(uint64_t pa)
{
	for (int i = 0; i < reserved_count; i++) {
		if (pa >= reserved[i].start && pa < reserved[i].end)
			return 1;
	}
	return 0;
}

void page_alloc_add_range(uint64_t start, uint64_t end)
{
	start = (start + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	for (uint64_t pa = start; pa + PAGE_SIZE <= end; pa += PAGE_SIZE) {
		if (!is_reserved(pa))
			page_free(phys_to_virt(pa));
	}
}

void *page_alloc(void)
{
	struct free_page *page = free_list;
	if (page == 0)
		return 0;
	free_list = page->next;
	free_count--;
	memset(page, 0, PAGE_SIZE);
	return page;
}

void page_free(void *page)
{
	if ((uint64_t)page % PAGE_SIZE != 0 || (uint64_t)page < KERNEL_VIRT_OFFSET + RAM_START)
		panic("page_free: bad page %p", page);
	if (*extra_owners_of(page) > 0) {
		(*extra_owners_of(page))--;
		return;
	}
	struct free_page *entry = page;
	entry->next = free_list;
	free_list = entry;
	free_count++;
}

uint64_t page_alloc_free_count(void)
{
	return free_count;
}
