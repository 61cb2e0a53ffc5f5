/*
 * Host unit tests for bootimg_find (kernel/common/bootimg.c) on images built
 * in memory, good and corrupt, then end to end with the real mkbootimg.
 *
 *   bootimg_test PATH-TO-MKBOOTIMG
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "common/bootimg.h"
#include "check.h"

/* The test image: a header, three entries, then the files at 8-aligned offsets. */
#define FILE_COUNT 3
#define INIT_OFFSET 256 /* a multiple of 256: its low byte is 0 (see test_unterminated_name) */
static const char *const names[FILE_COUNT] = { "init", "sh", "ls" };
static const char *const contents[FILE_COUNT] = { "the init program", "a shell", "ls!" };

static union {
	uint64_t alignment; /* the image is read through structs, as the kernel does */
	unsigned char bytes[1024];
} image;
static struct bootimg_header *header = (struct bootimg_header *)image.bytes;
static struct bootimg_entry *entries = (struct bootimg_entry *)(image.bytes + sizeof(struct bootimg_header));

/* Builds a good image in image.bytes and returns its size. */
static uint64_t make_image(void)
{
	memset(image.bytes, 0, sizeof(image.bytes));
	memcpy(header->magic, BOOTIMG_MAGIC, 8);
	header->count = FILE_COUNT;
	uint64_t offset = INIT_OFFSET;
	for (int i = 0; i < FILE_COUNT; i++) {
		strcpy(entries[i].name, names[i]);
		entries[i].offset = offset;
		entries[i].size = strlen(contents[i]);
		memcpy(image.bytes + offset, contents[i], strlen(contents[i]));
		offset = (offset + entries[i].size + 7) / 8 * 8;
	}
	header->size = (uint32_t)offset;
	return offset;
}

static void test_finds_every_file(void)
{
	uint64_t size = make_image();
	for (int i = 0; i < FILE_COUNT; i++) {
		const struct bootimg_entry *entry = bootimg_find(image.bytes, size, names[i]);
		CHECK(entry == &entries[i]);
		if (entry != NULL)
			CHECK(memcmp(image.bytes + entry->offset, contents[i], entry->size) == 0);
	}
}

static void test_missing_names(void)
{
	uint64_t size = make_image();
	CHECK(bootimg_find(image.bytes, size, "cat") == NULL);
	CHECK(bootimg_find(image.bytes, size, "ini") == NULL);   /* a prefix of a name */
	CHECK(bootimg_find(image.bytes, size, "init2") == NULL); /* a name plus more */
	CHECK(bootimg_find(image.bytes, size, "") == NULL);
}

static void test_bad_header(void)
{
	uint64_t size = make_image();
	header->magic[0] = 'X';
	CHECK(bootimg_find(image.bytes, size, "init") == NULL);

	make_image();
	CHECK(bootimg_find(image.bytes, sizeof(struct bootimg_header) - 1, "init") == NULL);
	CHECK(bootimg_find(image.bytes, 0, "init") == NULL);

	/* A table that does not fit must be refused as a whole, even if entry 0 is fine. */
	header->count = 0xffffffff;
	CHECK(bootimg_find(image.bytes, size, "init") == NULL);
	header->count = (size - sizeof(struct bootimg_header)) / sizeof(struct bootimg_entry) + 1;
	CHECK(bootimg_find(image.bytes, size, "init") == NULL);
	header->count = FILE_COUNT; /* but image_size leaves room for only one entry */
	CHECK(bootimg_find(image.bytes, sizeof(struct bootimg_header) + sizeof(struct bootimg_entry),
			   "init") == NULL);
}

/*
 * An image cut short in its header, placed just before a page that cannot be
 * read: bootimg_find must look at the 8 bytes it was given and no further,
 * or the test dies with a segmentation fault.
 */
static void test_short_image_at_page_end(void)
{
	unsigned char *end = check_page_end();
	if (end == NULL)
		return;
	unsigned char *short_image = end - 8;
	memcpy(short_image, BOOTIMG_MAGIC, 8);
	CHECK(bootimg_find(short_image, 8, "init") == NULL);
	check_free_page_end(end);
}

/* A bad entry is skipped; the files after it can still be found. */
static void test_entry_past_the_end(void)
{
	uint64_t size = make_image();
	entries[0].offset = size + 8;
	CHECK(bootimg_find(image.bytes, size, "init") == NULL);
	CHECK(bootimg_find(image.bytes, size, "sh") == &entries[1]);

	make_image();
	entries[0].size = size - entries[0].offset + 1;
	CHECK(bootimg_find(image.bytes, size, "init") == NULL);
	CHECK(bootimg_find(image.bytes, size, "ls") == &entries[2]);
	entries[0].size = size - entries[0].offset; /* exactly to the end is fine */
	CHECK(bootimg_find(image.bytes, size, "init") == &entries[0]);

	/* offset + size wraps around to a small number: a naive sum would pass it. */
	entries[0].size = UINT64_MAX - entries[0].offset + 2;
	CHECK(bootimg_find(image.bytes, size, "init") == NULL);
}

static void test_unterminated_name(void)
{
	uint64_t size = make_image();
	char long_name[BOOTIMG_NAME_MAX + 1];

	/* 48 letters and no NUL: the next byte is the low byte of offset, which is 0,
	 * so a strcmp that ran past the name would see a match. */
	memset(entries[0].name, 'a', BOOTIMG_NAME_MAX);
	memset(long_name, 'a', BOOTIMG_NAME_MAX);
	long_name[BOOTIMG_NAME_MAX] = '\0';
	CHECK(bootimg_find(image.bytes, size, long_name) == NULL);
	CHECK(bootimg_find(image.bytes, size, "sh") == &entries[1]);

	/* The longest allowed name, 47 letters, is fine. */
	entries[0].name[BOOTIMG_NAME_MAX - 1] = '\0';
	long_name[BOOTIMG_NAME_MAX - 1] = '\0';
	CHECK(bootimg_find(image.bytes, size, long_name) == &entries[0]);
}

/*
 * Runs mkbootimg with arguments (a NULL-terminated list, mkbootimg first) and
 * returns its exit status. hide_errors silences it for runs meant to fail.
 */
static int run(char *arguments[], int hide_errors)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		if (hide_errors)
			freopen("/dev/null", "w", stderr);
		execv(arguments[0], arguments);
		_exit(127);
	}
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void write_file(const char *path, const void *data, size_t size)
{
	FILE *file = fopen(path, "wb");
	CHECK(file != NULL && fwrite(data, 1, size, file) == size && fclose(file) == 0);
}

/* Reads a file of up to 64 KiB into malloc'ed memory, which is 8-aligned as an image must be. */
static unsigned char *read_file(const char *path, uint64_t *size)
{
	FILE *file = fopen(path, "rb");
	if (file == NULL)
		return NULL;
	unsigned char *data = malloc(65536);
	if (data != NULL)
		*size = fread(data, 1, 65536, file);
	fclose(file);
	return data;
}

static void test_mkbootimg(char *mkbootimg)
{
	char directory[] = "/tmp/bootimg_test.XXXXXX";
	if (mkdtemp(directory) == NULL) {
		CHECK(!"cannot make a temporary directory");
		return;
	}
	char output[128], hello[128], numbers[128], other[128], same_name[128], name47[128], name48[128];
	snprintf(output, sizeof(output), "%s/bootimg", directory);
	snprintf(hello, sizeof(hello), "%s/hello.txt", directory);
	snprintf(numbers, sizeof(numbers), "%s/numbers", directory);
	snprintf(other, sizeof(other), "%s/other", directory);
	snprintf(same_name, sizeof(same_name), "%s/other/hello.txt", directory);
	snprintf(name47, sizeof(name47), "%s/%047d", directory, 0);
	snprintf(name48, sizeof(name48), "%s/%048d", directory, 0);

	/* 13 bytes, so the next file needs padding to stay 8-aligned. */
	write_file(hello, "hello, world\n", 13);
	unsigned char counting[1000];
	for (int i = 0; i < 1000; i++)
		counting[i] = (unsigned char)i;
	write_file(numbers, counting, sizeof(counting));

	char *pack_two[] = { mkbootimg, output, hello, numbers, NULL };
	CHECK_UNSIGNED(run(pack_two, 0), 0);
	uint64_t size = 0;
	unsigned char *packed = read_file(output, &size);
	CHECK(packed != NULL);
	if (packed != NULL) {
		CHECK_UNSIGNED(((struct bootimg_header *)packed)->size, size);
		const struct bootimg_entry *entry = bootimg_find(packed, size, "hello.txt");
		CHECK(entry != NULL && entry->size == 13 && entry->offset % 8 == 0 &&
		      memcmp(packed + entry->offset, "hello, world\n", 13) == 0);
		entry = bootimg_find(packed, size, "numbers");
		CHECK(entry != NULL && entry->size == sizeof(counting) && entry->offset % 8 == 0 &&
		      memcmp(packed + entry->offset, counting, sizeof(counting)) == 0);
		free(packed);
	}

	/* Files are stored under their base name, so two hello.txt cannot both go in. */
	mkdir(other, 0700);
	write_file(same_name, "again", 5);
	char *pack_duplicate[] = { mkbootimg, output, hello, same_name, NULL };
	CHECK(run(pack_duplicate, 1) != 0);

	write_file(name47, "47", 2);
	write_file(name48, "48", 2);
	char *pack_47[] = { mkbootimg, output, name47, NULL };
	CHECK_UNSIGNED(run(pack_47, 0), 0);
	packed = read_file(output, &size);
	CHECK(packed != NULL && bootimg_find(packed, size, name47 + strlen(directory) + 1) != NULL);
	free(packed);
	char *pack_48[] = { mkbootimg, output, name48, NULL };
	CHECK(run(pack_48, 1) != 0);

	const char *files[] = { output, hello, numbers, same_name, name47, name48 };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		unlink(files[i]);
	rmdir(other);
	rmdir(directory);
}

int main(int argc, char *argv[])
{
	if (argc != 2) {
		fprintf(stderr, "usage: bootimg_test PATH-TO-MKBOOTIMG\n");
		return 2;
	}
	test_finds_every_file();
	test_missing_names();
	test_bad_header();
	test_short_image_at_page_end();
	test_entry_past_the_end();
	test_unterminated_name();
	test_mkbootimg(argv[1]);
	return check_summary("bootimg_test");
}
