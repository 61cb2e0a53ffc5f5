/*
 * malloc and free over pages the kernel maps on demand (map_pages) in a
 * heap area of the address space (docs/memory.md).
 */
#ifndef USER_MALLOC_H
#define USER_MALLOC_H

/* Returns size bytes, 16-byte aligned, or 0 if memory is exhausted. */
void *malloc(unsigned long size);
/* Returns memory from malloc; free(0) does nothing. */
void free(void *pointer);

#endif
