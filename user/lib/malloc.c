/*
 * A first-fit allocator. Every block starts with a header giving its size;
 * free blocks sit on a list sorted by address, so a freed block merges
 * with free neighbours on both sides. When no free block fits, the heap
 * grows by whole pages at its end.
 */
#include "common/errors.h"
#include "malloc.h"
#include "syscall.h"

#define HEAP_START 0x1000000000UL /* 64 GiB: far from the program and its stack */
#define HEAP_MAX (1UL << 30)
#define PAGE_SIZE 4096UL
#define ALIGNMENT 16

struct block {
	unsigned long size; /* bytes, header included; a multiple of ALIGNMENT */
	struct block *next; /* the next free block (free blocks only) */
};

#define HEADER_SIZE ALIGNMENT /* the header rounded up, so payloads stay aligned */

static struct block *free_list;
static unsigned long heap_end = HEAP_START;

static char *end_of(struct block *block)
{
	return (char *)block + block->size;
}

/* Puts block on the free list in address order, merging it with adjacent free blocks. */
static void insert_free(struct block *block)
{
	struct block *previous = 0, *next = free_list;
	while (next != 0 && next < block) {
		previous = next;
		next = next->next;
	}
	block->next = next;
	if (previous != 0)
		previous->next = block;
	else
		free_list = block;
	if (next != 0 && end_of(block) == (char *)next) {
		block->size += next->size;
		block->next = next->next;
	}
	if (previous != 0 && end_of(previous) == (char *)block) {
		previous->size += block->size;
		previous->next = block->next;
	}
}

/* Maps at least size more bytes at the heap's end and frees them into the list. Returns 0 or an error. */
static int grow(unsigned long size)
{
	unsigned long length = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	if (heap_end + length > HEAP_START + HEAP_MAX)
		return -E_NOMEM;
	int error = map_pages((void *)heap_end, length);
	if (error < 0)
		return error;
	struct block *block = (struct block *)heap_end;
	block->size = length;
	heap_end += length;
	insert_free(block);
	return 0;
}

void *malloc(unsigned long size)
{
	if (size == 0 || size > HEAP_MAX)
		return 0;
	unsigned long need = (size + HEADER_SIZE + ALIGNMENT - 1) & ~(ALIGNMENT - 1);
	for (;;) {
		for (struct block **link = &free_list; *link != 0; link = &(*link)->next) {
			struct block *block = *link;
			if (block->size < need)
				continue;
			if (block->size - need >= 2 * HEADER_SIZE) {
				/* Split: the tail stays free. */
				struct block *rest = (struct block *)((char *)block + need);
				rest->size = block->size - need;
				rest->next = block->next;
				block->size = need;
				*link = rest;
			} else {
				*link = block->next;
			}
			return (char *)block + HEADER_SIZE;
		}
		if (grow(need) < 0)
			return 0;
	}
}

void free(void *pointer)
{
	if (pointer != 0)
		insert_free((struct block *)((char *)pointer - HEADER_SIZE));
}
