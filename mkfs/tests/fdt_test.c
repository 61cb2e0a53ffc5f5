/*
 * Host unit tests for kernel/fdt.c: bootargs_get on strings, and
 * fdt_read_boot_info on real device trees that QEMU dumped
 * (grade/test_host.py makes them). Each tree's name says how QEMU ran:
 *
 *   mem128M-smp2.dtb             -m 128M -smp 2
 *   mem256M-smp3-initrd1000.dtb  -m 256M -smp 3, a 1000-byte -initrd, -append QEMU_BOOTARGS
 *
 *   fdt_test DIRECTORY-OF-DTB-FILES
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include "common/string.h"
#include "fdt.h"
#include "check.h"

#define QEMU_BOOTARGS "init=foo token=xyz" /* what grade/test_host.py passes with -append */
#define QEMU_TIMEBASE_FREQUENCY 10000000   /* QEMU virt's timer runs at 10 MHz */

/*
 * fdt.c calls the kernel's strlcpy (common/string.h), which the host C
 * library lacks, and the test is linked without common/string.c; this one
 * keeps the same contract.
 */
void strlcpy(char *dst, const char *src, size_t size)
{
	size_t i = 0;
	for (; i + 1 < size && src[i] != '\0'; i++)
		dst[i] = src[i];
	dst[i] = '\0';
}

static void test_bootargs_get(void)
{
	const char *args = "init=sh token=abc quiet=1";
	char out[16];

	CHECK_HEX(bootargs_get(args, "init", out, sizeof(out)), 1);
	CHECK_STR(out, "sh");
	CHECK_HEX(bootargs_get(args, "token", out, sizeof(out)), 1);
	CHECK_STR(out, "abc");
	CHECK_HEX(bootargs_get(args, "quiet", out, sizeof(out)), 1);
	CHECK_STR(out, "1");
	CHECK_HEX(bootargs_get(args, "debug", out, sizeof(out)), 0);
	CHECK_HEX(bootargs_get("", "init", out, sizeof(out)), 0);

	/* Whole keys only: "init" is neither "initrd" nor the end of "xinit". */
	CHECK_HEX(bootargs_get("initrd=0x1000 init=sh", "init", out, sizeof(out)), 1);
	CHECK_STR(out, "sh");
	CHECK_HEX(bootargs_get("initrd=0x1000", "init", out, sizeof(out)), 0);
	CHECK_HEX(bootargs_get("xinit=sh", "init", out, sizeof(out)), 0);
	CHECK_HEX(bootargs_get("quiet init=sh", "quiet", out, sizeof(out)), 0); /* a word with no = */

	CHECK_HEX(bootargs_get("  init=sh    token=abc  ", "token", out, sizeof(out)), 1);
	CHECK_STR(out, "abc");
	CHECK_HEX(bootargs_get("init= token=abc", "init", out, sizeof(out)), 1);
	CHECK_STR(out, "");
	CHECK_HEX(bootargs_get("path=a=b", "path", out, sizeof(out)), 1);
	CHECK_STR(out, "a=b");

	/* A long value is cut to fit out, NUL included, and nothing past out is written. */
	memset(out, 'X', sizeof(out));
	CHECK_HEX(bootargs_get("token=abcdef", "token", out, 4), 1);
	CHECK_STR(out, "abc");
	CHECK_HEX(out[4], 'X');
}

static void test_bad_magic(void)
{
	static const unsigned char not_a_tree[64] = { 0xd0, 0x0d, 0xfe, 0xef }; /* the magic is d00dfeed */
	struct boot_info info;
	CHECK(fdt_read_boot_info(not_a_tree, &info) == -1);
}

static uint32_t big_endian_32(const unsigned char *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* Reads "mem<M>M-smp<N>.dtb" or "mem<M>M-smp<N>-initrd<S>.dtb"; returns 1 if name is one of them. */
static int parse_tree_name(const char *name, unsigned *megabytes, int *harts, unsigned *initrd_size)
{
	char rest[64], tail[64];
	*initrd_size = 0;
	if (sscanf(name, "mem%uM-smp%d%63s", megabytes, harts, rest) != 3)
		return 0;
	if (strcmp(rest, ".dtb") == 0)
		return 1;
	return sscanf(rest, "-initrd%u%63s", initrd_size, tail) == 2 && strcmp(tail, ".dtb") == 0;
}

/* Checks one dumped tree against what its name says QEMU was asked for. */
static void test_tree(const char *directory, const char *name)
{
	unsigned memory_megabytes, initrd_size;
	int harts;
	static char context[300]; /* failures name the tree, since every tree runs the same checks */
	snprintf(context, sizeof(context), "%s: ", name);
	check_set_context(context);
	if (!parse_tree_name(name, &memory_megabytes, &harts, &initrd_size)) {
		check(0, __FILE__, __LINE__, "cannot tell from the name how QEMU ran");
		return;
	}

	char path[512];
	snprintf(path, sizeof(path), "%s/%s", directory, name);
	FILE *file = fopen(path, "rb");
	static unsigned char tree[1 << 20]; /* QEMU writes its whole 1 MiB buffer */
	size_t file_size = file != NULL ? fread(tree, 1, sizeof(tree), file) : 0;
	if (file != NULL)
		fclose(file);
	if (file_size < 40) {
		check(0, __FILE__, __LINE__, "cannot read %s", path);
		return;
	}

	struct boot_info info;
	memset(&info, 0xff, sizeof(info)); /* everything must be overwritten */
	CHECK(fdt_read_boot_info(tree, &info) == 0);
	CHECK_HEX(info.memory_base, 0x80000000);
	CHECK_HEX(info.memory_size, (uint64_t)memory_megabytes << 20);
	CHECK_HEX(info.hart_count, harts);
	for (int i = 0; i < harts && i < info.hart_count; i++)
		CHECK_HEX(info.hart_ids[i], i);
	CHECK_HEX(info.timebase_frequency, QEMU_TIMEBASE_FREQUENCY);
	CHECK_HEX(info.fdt_size, big_endian_32(tree + 4)); /* the header's totalsize */
	CHECK(info.fdt_size <= file_size);

	if (initrd_size == 0) {
		CHECK_STR(info.bootargs, "");
		CHECK_HEX(info.initrd_start, 0);
		CHECK_HEX(info.initrd_end, 0);
	} else {
		CHECK_STR(info.bootargs, QEMU_BOOTARGS);
		CHECK(info.initrd_start >= info.memory_base);
		CHECK_HEX(info.initrd_end - info.initrd_start, initrd_size);
		CHECK(info.initrd_end <= info.memory_base + info.memory_size);
	}

	/* The same tree with one byte of its magic changed is not a tree. */
	tree[0] ^= 1;
	CHECK(fdt_read_boot_info(tree, &info) == -1);
}

int main(int argc, char *argv[])
{
	if (argc != 2) {
		fprintf(stderr, "usage: fdt_test DIRECTORY-OF-DTB-FILES\n");
		return 2;
	}
	test_bootargs_get();
	test_bad_magic();

	DIR *directory = opendir(argv[1]);
	int trees = 0;
	struct dirent *entry;
	while (directory != NULL && (entry = readdir(directory)) != NULL) {
		size_t length = strlen(entry->d_name);
		if (length > 4 && strcmp(entry->d_name + length - 4, ".dtb") == 0) {
			test_tree(argv[1], entry->d_name);
			check_set_context("");
			trees++;
		}
	}
	if (directory != NULL)
		closedir(directory);
	check(trees > 0, __FILE__, __LINE__, "no .dtb files in %s", argv[1]);

	return check_summary("fdt_test");
}
