/*
 * Starting programs by name. Until the file server exists, programs come
 * from the boot image, which the kernel maps read-only into every process
 * at BOOTIMG_USER_ADDRESS (kernel/common/bootimg.h).
 */
#ifndef USER_SPAWN_H
#define USER_SPAWN_H

/* Starts program name from the boot image with argv (argv[0] is usually name). Returns its pid or an error.
 */
int spawn(const char *name, char *const argv[]);

/* Finds program name in the boot image; sets *size. Returns its ELF image, or 0 if there is none. */
const void *boot_image_program(const char *name, unsigned long *size);

#endif
