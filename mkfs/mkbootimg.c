/*
 * mkbootimg: a host program that packs user programs into a boot image
 * (layout in kernel/common/bootimg.h), which QEMU loads with -initrd.
 *
 *   mkbootimg OUTPUT FILE...     each FILE is stored under its base name
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/bootimg.h"

#define ALIGNMENT 8

static unsigned char *read_file(const char *path, long *size)
{
	FILE *file = fopen(path, "rb");
	if (file == NULL)
		return NULL;
	unsigned char *data = NULL;
	if (fseek(file, 0, SEEK_END) == 0 && (*size = ftell(file)) >= 0 && fseek(file, 0, SEEK_SET) == 0) {
		data = malloc(*size > 0 ? *size : 1);
		if (data != NULL && fread(data, 1, *size, file) != (size_t)*size) {
			free(data);
			data = NULL;
		}
	}
	fclose(file);
	return data;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static uint64_t align_up(uint64_t n)
{
	return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
}

int main(int argc, char *argv[])
{
	if (argc < 2) {
		fprintf(stderr, "usage: mkbootimg OUTPUT FILE...\n");
		return 2;
	}
	int count = argc - 2;
	struct bootimg_entry *entries = calloc(count > 0 ? count : 1, sizeof(*entries));
	unsigned char **contents = calloc(count > 0 ? count : 1, sizeof(*contents));
	uint64_t offset = sizeof(struct bootimg_header) + count * sizeof(struct bootimg_entry);

	for (int i = 0; i < count; i++) {
		const char *path = argv[i + 2];
		const char *name = base_name(path);
		long size;
		if (strlen(name) >= BOOTIMG_NAME_MAX) {
			fprintf(stderr, "mkbootimg: %s: name longer than %d characters\n", path,
				BOOTIMG_NAME_MAX - 1);
			return 1;
		}
		for (int j = 0; j < i; j++) {
			if (strcmp(entries[j].name, name) == 0) {
				fprintf(stderr, "mkbootimg: %s: a file called %s is already in the image\n",
					path, name);
				return 1;
			}
		}
		contents[i] = read_file(path, &size);
		if (contents[i] == NULL) {
			fprintf(stderr, "mkbootimg: cannot read %s\n", path);
			return 1;
		}
		strcpy(entries[i].name, name);
		offset = align_up(offset);
		entries[i].offset = offset;
		entries[i].size = (uint64_t)size;
		offset += (uint64_t)size;
	}

	struct bootimg_header header = { .count = (uint32_t)count, .size = (uint32_t)offset };
	memcpy(header.magic, BOOTIMG_MAGIC, sizeof(header.magic));
	FILE *out = fopen(argv[1], "wb");
	if (out == NULL) {
		fprintf(stderr, "mkbootimg: cannot create %s\n", argv[1]);
		return 1;
	}
	fwrite(&header, sizeof(header), 1, out);
	fwrite(entries, sizeof(*entries), count, out);
	for (int i = 0; i < count; i++) {
		static const unsigned char zeros[ALIGNMENT];
		long position = ftell(out);
		fwrite(zeros, 1, entries[i].offset - (uint64_t)position, out);
		fwrite(contents[i], 1, entries[i].size, out);
	}
	if (fclose(out) != 0) {
		fprintf(stderr, "mkbootimg: error writing %s\n", argv[1]);
		return 1;
	}
	return 0;
}
