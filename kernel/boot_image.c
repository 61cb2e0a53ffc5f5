/*
 * The kernel's side of the boot image. The pages stay where QEMU put them;
 * page_alloc never hands them out (main.c reserves them), and address
 * spaces map them as borrowed so that freeing a process leaves them alone.
 */
#include "boot_image.h"
#include "common/bootimg.h"
#include "common/errors.h"
#include "common/string.h"
#include "memlayout.h"

static uint64_t image_start; /* physical */
static uint64_t image_size;

int boot_image_init(const struct boot_info *info)
{
	if (info->initrd_start == 0 || info->initrd_end <= info->initrd_start ||
	    info->initrd_start % PAGE_SIZE != 0)
		return -1;
	const struct bootimg_header *header = phys_to_virt(info->initrd_start);
	uint64_t size = info->initrd_end - info->initrd_start;
	if (size < sizeof(*header) || memcmp(header->magic, BOOTIMG_MAGIC, 8) != 0 || header->size > size)
		return -1;
	image_start = info->initrd_start;
	image_size = header->size;
	return 0;
}

int boot_image_find(const char *name, struct image_source *out)
{
	const void *image = phys_to_virt(image_start);
	const struct bootimg_entry *entry = bootimg_find(image, image_size, name);
	if (entry == 0)
		return -E_NOEXEC;
	out->owner_root = 0;
	out->address = (uint64_t)image + entry->offset;
	out->size = entry->size;
	return 0;
}

int boot_image_map_into(pte_t *root)
{
	for (uint64_t offset = 0; offset < image_size; offset += PAGE_SIZE) {
		int error = vm_map_page(root, BOOTIMG_USER_ADDRESS + offset, image_start + offset,
					PTE_R | PTE_U | PTE_BORROWED);
		if (error < 0)
			return error;
	}
	return 0;
}
