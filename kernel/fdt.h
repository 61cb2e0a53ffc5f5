/*
 * Reading the flattened device tree that OpenSBI passes in a1 at boot
 * (Devicetree Specification v0.4, chapter 5). The kernel takes from it only
 * what it cannot know in advance: memory, harts, the timer frequency, the
 * boot arguments and where QEMU put the -initrd boot image.
 */
#ifndef KERNEL_FDT_H
#define KERNEL_FDT_H

#include <stdint.h>
#include "memlayout.h"

#define BOOTARGS_MAX 256

struct boot_info {
	uint64_t memory_base;
	uint64_t memory_size;
	int hart_count;
	uint64_t hart_ids[MAX_HARTS];
	uint64_t timebase_frequency; /* ticks of the time CSR per second */
	char bootargs[BOOTARGS_MAX]; /* /chosen/bootargs, "" if absent */
	uint64_t initrd_start;       /* physical; both 0 if there is none */
	uint64_t initrd_end;
	uint64_t fdt_size; /* the tree's own size, so its pages stay reserved */
};

/* Fills info from the tree at fdt (a kernel virtual address). Returns 0, or -1 if it is not a device tree. */
int fdt_read_boot_info(const void *fdt, struct boot_info *info);

/*
 * Finds "key=value" among the space-separated words of bootargs and copies
 * value into out (size bytes). Returns 1 if found, 0 if not.
 */
int bootargs_get(const char *bootargs, const char *key, char *out, int size);

#endif
