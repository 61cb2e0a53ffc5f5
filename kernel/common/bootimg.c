/*
 * Looking up a file in the boot image (layout in bootimg.h).
 * Shared by the kernel (to find init), user programs (to spawn programs)
 * and the host unit tests in mkfs/.
 */
#include "bootimg.h"
#include "string.h"

const struct bootimg_entry *bootimg_find(const void *image, uint64_t image_size, const char *name)
{
	const struct bootimg_header *header = image;
	if (image_size < sizeof(*header) || memcmp(header->magic, BOOTIMG_MAGIC, 8) != 0)
		return 0;
	uint64_t table_end = sizeof(*header) + (uint64_t)header->count * sizeof(struct bootimg_entry);
	if (header->count > image_size / sizeof(struct bootimg_entry) || table_end > image_size)
		return 0;

	const struct bootimg_entry *entries = (const struct bootimg_entry *)(header + 1);
	for (uint32_t i = 0; i < header->count; i++) {
		const struct bootimg_entry *entry = &entries[i];
		if (entry->name[BOOTIMG_NAME_MAX - 1] != '\0')
			continue;
		if (entry->offset > image_size || entry->size > image_size - entry->offset)
			continue;
		if (strcmp(entry->name, name) == 0)
			return entry;
	}
	return 0;
}
