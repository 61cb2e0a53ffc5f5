/*
 * Layout of the boot image: the archive of user programs that QEMU loads
 * with -initrd. mkfs/mkbootimg writes it; the kernel finds init in it; the
 * user library finds programs in it. All numbers are little-endian.
 *
 *   struct bootimg_header | struct bootimg_entry[count] | file data ...
 */
#ifndef COMMON_BOOTIMG_H
#define COMMON_BOOTIMG_H

#include <stdint.h>

#define BOOTIMG_MAGIC "RVBOOTIM"
#define BOOTIMG_NAME_MAX 48

/* The kernel maps the boot image read-only at this address in every process. */
#define BOOTIMG_USER_ADDRESS 0x2000000000UL

struct bootimg_header {
	char magic[8];  /* BOOTIMG_MAGIC, not NUL-terminated */
	uint32_t count; /* number of entries that follow */
	uint32_t size;  /* size of the whole image in bytes */
};

struct bootimg_entry {
	char name[BOOTIMG_NAME_MAX]; /* NUL-terminated program name */
	uint64_t offset;             /* from the start of the image, 8-aligned */
	uint64_t size;               /* in bytes */
};

/*
 * Finds the file called name in the image of image_size bytes at image.
 * Returns its entry, or 0 if the image is malformed or has no such file.
 * Every offset is checked against image_size, so a corrupt image is safe.
 */
const struct bootimg_entry *bootimg_find(const void *image, uint64_t image_size, const char *name);

#endif
