/*
 * A single pass over the device tree's structure block. The block is a
 * stream of big-endian tokens: BEGIN_NODE name, PROP (length, name offset,
 * value), END_NODE, END (Devicetree Specification §5.4). We remember the
 * names of the enclosing nodes and pick out the few properties we need.
 */
#include "common/string.h"
#include "fdt.h"

#define FDT_MAGIC 0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9
#define MAX_DEPTH 8

struct fdt_header {
	uint32_t magic;
	uint32_t totalsize;
	uint32_t off_dt_struct;
	uint32_t off_dt_strings;
	uint32_t off_mem_rsvmap;
	uint32_t version;
	uint32_t last_comp_version;
	uint32_t boot_cpuid_phys;
	uint32_t size_dt_strings;
	uint32_t size_dt_struct;
};

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;
	return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) | ((uint32_t)b[2] << 8) | b[3];
}

/* Reads a number made of cells 32-bit big-endian cells (1 or 2). */
static uint64_t read_cells(const uint8_t *p, int cells)
{
	uint64_t value = 0;
	for (int i = 0; i < cells; i++)
		value = (value << 32) | be32(p + 4 * i);
	return value;
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Called for every property; path[0..depth-1] are the names of the enclosing nodes. */
static void take_property(struct boot_info *info, const char **path, int depth, const char *name,
			  const uint8_t *value, uint32_t length, int *address_cells, int *size_cells)
{
	if (depth == 1) {
		if (strcmp(name, "#address-cells") == 0 && length == 4)
			*address_cells = be32(value);
		if (strcmp(name, "#size-cells") == 0 && length == 4)
			*size_cells = be32(value);
		return;
	}
	const char *node = path[1];
	if (depth == 2 && starts_with(node, "memory@") && strcmp(name, "reg") == 0 &&
	    info->memory_size == 0 && length >= 4u * (*address_cells + *size_cells)) {
		info->memory_base = read_cells(value, *address_cells);
		info->memory_size = read_cells(value + 4 * *address_cells, *size_cells);
	}
	if (depth == 2 && strcmp(node, "cpus") == 0 && strcmp(name, "timebase-frequency") == 0)
		info->timebase_frequency = read_cells(value, length / 4);
	if (depth == 3 && strcmp(node, "cpus") == 0 && starts_with(path[2], "cpu@") &&
	    strcmp(name, "reg") == 0 && info->hart_count < MAX_HARTS)
		info->hart_ids[info->hart_count++] = read_cells(value, length / 4);
	if (depth == 2 && strcmp(node, "chosen") == 0) {
		if (strcmp(name, "bootargs") == 0)
			strlcpy(info->bootargs, (const char *)value,
				length < BOOTARGS_MAX ? length : BOOTARGS_MAX);
		if (strcmp(name, "linux,initrd-start") == 0)
			info->initrd_start = read_cells(value, length / 4);
		if (strcmp(name, "linux,initrd-end") == 0)
			info->initrd_end = read_cells(value, length / 4);
	}
}

int fdt_read_boot_info(const void *fdt, struct boot_info *info)
{
	const struct fdt_header *header = fdt;
	if (be32(&header->magic) != FDT_MAGIC)
		return -1;
	memset(info, 0, sizeof(*info));
	info->fdt_size = be32(&header->totalsize);

	const uint8_t *base = fdt;
	const uint8_t *token = base + be32(&header->off_dt_struct);
	const char *strings = (const char *)base + be32(&header->off_dt_strings);
	const char *path[MAX_DEPTH];
	int depth = 0;
	int address_cells = 2, size_cells = 1; /* the specification's defaults (§2.3.5) */

	for (;;) {
		uint32_t kind = be32(token);
		token += 4;
		if (kind == FDT_BEGIN_NODE) {
			const char *name = (const char *)token;
			if (depth < MAX_DEPTH)
				path[depth] = name;
			depth++;
			token += (strlen(name) + 1 + 3) & ~3UL; /* the name is padded to 4 bytes */
		} else if (kind == FDT_END_NODE) {
			depth--;
		} else if (kind == FDT_PROP) {
			uint32_t length = be32(token);
			const char *name = strings + be32(token + 4);
			if (depth <= MAX_DEPTH)
				take_property(info, path, depth, name, token + 8, length, &address_cells,
					      &size_cells);
			token += 8 + ((length + 3) & ~3U);
		} else if (kind == FDT_NOP) {
			continue;
		} else {
			break; /* FDT_END, or garbage: stop either way */
		}
	}
	return 0;
}

int bootargs_get(const char *bootargs, const char *key, char *out, int size)
{
	if (size <= 0)
		return 0;
	size_t key_length = strlen(key);
	const char *p = bootargs;
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (strncmp(p, key, key_length) == 0 && p[key_length] == '=') {
			p += key_length + 1;
			int i = 0;
			for (; p[i] != '\0' && p[i] != ' ' && i < size - 1; i++)
				out[i] = p[i];
			out[i] = '\0';
			return 1;
		}
		while (*p != '\0' && *p != ' ')
			p++;
	}
	return 0;
}
