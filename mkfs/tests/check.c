/*
 * The counting checks shared by the host unit tests (see check.h): the
 * passed and failed tallies, the failure lines, and the summary line that
 * grade/test_host.py shows when a test exits 1.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

static int passed, failed;
static const char *context = "";

void check(int ok, const char *file, int line, const char *message, ...)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	va_list args;
	va_start(args, message);
	printf("%s:%d: %s", file, line, context);
	vprintf(message, args);
	printf("\n");
	va_end(args);
}

void check_set_context(const char *prefix)
{
	context = prefix;
}

void check_int(const char *file, int line, const char *what, long got, long expected)
{
	check(got == expected, file, line, "%s is %ld, expected %ld", what, got, expected);
}

void check_unsigned(const char *file, int line, const char *what, uint64_t got, uint64_t expected)
{
	check(got == expected, file, line, "%s is %llu, expected %llu", what, (unsigned long long)got,
	      (unsigned long long)expected);
}

void check_hex(const char *file, int line, const char *what, uint64_t got, uint64_t expected)
{
	check(got == expected, file, line, "%s is %#llx, expected %#llx", what, (unsigned long long)got,
	      (unsigned long long)expected);
}

void check_str(const char *file, int line, const char *what, const char *got, const char *expected)
{
	check(strcmp(got, expected) == 0, file, line, "%s is \"%s\", expected \"%s\"", what, got, expected);
}

int check_summary(const char *test_name)
{
	printf("%s: %d passed, %d failed\n", test_name, passed, failed);
	return failed == 0 ? 0 : 1;
}

unsigned char *check_page_end(void)
{
	long page = sysconf(_SC_PAGESIZE);
	unsigned char *pages =
		mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages == MAP_FAILED || mprotect(pages + page, page, PROT_NONE) != 0) {
		CHECK(!"cannot set up an unreadable page");
		return NULL;
	}
	return pages + page;
}

void check_free_page_end(unsigned char *end)
{
	long page = sysconf(_SC_PAGESIZE);
	munmap(end - page, 2 * page);
}
