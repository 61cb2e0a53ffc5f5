/*
 * malloctest: boot with INIT=malloctest. Checks malloc and free
 * (user/lib/malloc.c): blocks are aligned, never overlap, keep what is
 * written in them, are reused after free, and merge back into large ones.
 * Prints one line per check and "malloctest: OK" if all passed.
 */
#include <stdint.h>
#include "common/string.h"
#include "lib/malloc.h"
#include "lib/stdio.h"

#define BLOCKS 200

static int failures;

static void check_true(const char *what, int condition)
{
	printf("malloctest: %s: %s\n", what, condition ? "ok" : "WRONG");
	failures += !condition;
}

/* The size of block i: small, odd and page-crossing sizes mixed. */
static unsigned long size_of(int i)
{
	return 1 + (unsigned long)(i * 37) % 5000;
}

/* Whether block i still holds the byte pattern written into it. */
static int holds_pattern(const unsigned char *block, int i)
{
	for (unsigned long j = 0; j < size_of(i); j++) {
		if (block[j] != (unsigned char)(i + j))
			return 0;
	}
	return 1;
}

int main(void)
{
	static unsigned char *blocks[BLOCKS];
	int aligned = 1;
	for (int i = 0; i < BLOCKS; i++) {
		blocks[i] = malloc(size_of(i));
		if (blocks[i] == 0 || (uintptr_t)blocks[i] % 16 != 0)
			aligned = 0;
		else
			for (unsigned long j = 0; j < size_of(i); j++)
				blocks[i][j] = (unsigned char)(i + j);
	}
	check_true("200 blocks of 1..5000 bytes, all 16-byte aligned", aligned);
	int intact = 1;
	for (int i = 0; i < BLOCKS && aligned; i++)
		intact &= holds_pattern(blocks[i], i);
	check_true("each block keeps its own bytes (no overlap)", aligned && intact);

	for (int i = 0; i < BLOCKS; i += 2)
		free(blocks[i]);
	for (int i = 0; i < BLOCKS; i += 2) {
		blocks[i] = malloc(size_of(i));
		if (blocks[i] != 0)
			for (unsigned long j = 0; j < size_of(i); j++)
				blocks[i][j] = (unsigned char)(i + j);
	}
	intact = 1;
	for (int i = 0; i < BLOCKS; i++)
		intact &= blocks[i] != 0 && holds_pattern(blocks[i], i);
	check_true("after freeing every other block and allocating again, all intact", intact);

	unsigned char *lowest = blocks[0];
	for (int i = 0; i < BLOCKS; i++) {
		if (blocks[i] < lowest)
			lowest = blocks[i];
		free(blocks[i]);
	}
	unsigned char *big = malloc(400000);
	check_true("once all are free they merge: a 400000-byte block reuses the space", big == lowest);
	if (big != 0)
		memset(big, 0xab, 400000);
	free(big);

	/* Freed from the top down, each block must merge with the free one after it. */
	for (int i = 0; i < BLOCKS; i++)
		blocks[i] = malloc(size_of(i));
	for (int i = BLOCKS - 1; i >= 0; i--)
		free(blocks[i]);
	big = malloc(400000);
	check_true("blocks freed in reverse order merge too", big == lowest);
	free(big);

	check_true("malloc(0) gives 0", malloc(0) == 0);
	check_true("a block larger than the heap gives 0", malloc(1UL << 31) == 0);
	free(0);
	unsigned char *again = malloc(100);
	check_true("after free(0) the heap still hands out its first block", again == lowest);
	printf("malloctest: %s (%d failures)\n", failures == 0 ? "OK" : "FAILED", failures);
	return failures;
}
