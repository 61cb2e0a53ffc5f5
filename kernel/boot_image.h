/*
 * The boot image: the archive of user programs that QEMU loads with
 * -initrd (layout in common/bootimg.h). The kernel reads init from it and
 * maps it read-only into every process, so programs can spawn others
 * before there is a file system.
 */
#ifndef KERNEL_BOOT_IMAGE_H
#define KERNEL_BOOT_IMAGE_H

#include "fdt.h"
#include "proc.h"

/* Records where the image is. Returns 0, or -1 if there is none or it is malformed. */
int boot_image_init(const struct boot_info *info);
/* Describes the program called name. Returns 0, or -E_NOEXEC if the image has no such program. */
int boot_image_find(const char *name, struct image_source *out);
/* Maps the image read-only at BOOTIMG_USER_ADDRESS in the address space root. Returns 0 or -E_NOMEM. */
int boot_image_map_into(pte_t *root);

#endif
