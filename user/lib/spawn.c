/*
 * spawn() by program name: look the name up in the boot image and hand
 * the kernel the ELF image that is already mapped in our own memory.
 */
#include "common/bootimg.h"
#include "spawn.h"
#include "syscall.h"

const void *boot_image_program(const char *name, unsigned long *size)
{
	const struct bootimg_header *header = (const struct bootimg_header *)BOOTIMG_USER_ADDRESS;
	const struct bootimg_entry *entry = bootimg_find(header, header->size, name);
	if (entry == 0)
		return 0;
	*size = entry->size;
	return (const char *)header + entry->offset;
}

int spawn(const char *name, char *const argv[])
{
	unsigned long size;
	const void *image = boot_image_program(name, &size);
	if (image == 0)
		return -E_NOEXEC;
	return spawn_image(image, size, argv);
}
