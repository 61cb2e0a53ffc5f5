/*
 * The physical page allocator: every free 4 KiB page of RAM on one list.
 * Pages are handed out zeroed and named by their kernel virtual address
 * (see memlayout.h). Callers hold the big kernel lock.
 */
#ifndef KERNEL_PAGE_ALLOC_H
#define KERNEL_PAGE_ALLOC_H

#include <stdint.h>

/* Adds every page in physical [start, end) that lies in no reserved range. */
void page_alloc_add_range(uint64_t start, uint64_t end);
/* Marks physical [start, end) as never to be handed out; call before adding ranges. */
void page_alloc_reserve(uint64_t start, uint64_t end);

/*
 * Starts counting owners of the RAM pages from base on (pages of them),
 * with one counter byte per page at counters; call before adding ranges.
 */
void page_alloc_count_owners(uint64_t base, uint8_t *counters, uint64_t pages);

/* Returns a zeroed page, or 0 if memory is exhausted. */
void *page_alloc(void);
/* Gives page one more owner (it is shared): it is freed when the last one frees it. -E_NOMEM if too many. */
int page_add_owner(void *page);
/* Drops one owner of page; frees it if that was the last. */
void page_free(void *page);
uint64_t page_alloc_free_count(void);

#endif
