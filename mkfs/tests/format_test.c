/*
 * Host unit tests for the printf engine in user/lib/format.c.
 * Where format.h promises to behave like the C library, the host's
 * vsnprintf is the reference; the few places where we choose differently
 * (%p of 0, unknown conversions) are checked against the text we expect.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lib/format.h"
#include "check.h"

/* Formats with both format_string and vsnprintf; text and returned length must agree. */
#define LIKE_LIBC(...) like_libc(__FILE__, __LINE__, __VA_ARGS__)
static void like_libc(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void like_libc(const char *file, int line, const char *fmt, ...)
{
	char ours[256], libc[256];
	va_list args, copy;
	va_start(args, fmt);
	va_copy(copy, args);
	int our_length = format_string(ours, sizeof(ours), fmt, args);
	int libc_length = vsnprintf(libc, sizeof(libc), fmt, copy);
	va_end(copy);
	va_end(args);
	check(our_length == libc_length && strcmp(ours, libc) == 0, file, line,
	      "format \"%s\": got \"%s\" (length %d), libc gives \"%s\" (length %d)", fmt, ours, our_length,
	      libc, libc_length);
}

/*
 * format_string without the compiler's format checking, for formats that
 * are wrong or odd on purpose; the result must be exactly expected.
 */
#define PRINTS(expected, ...) prints(__FILE__, __LINE__, expected, __VA_ARGS__)
static void prints(const char *file, int line, const char *expected, const char *fmt, ...)
{
	char ours[256];
	va_list args;
	va_start(args, fmt);
	int length = format_string(ours, sizeof(ours), fmt, args);
	va_end(args);
	check(length == (int)strlen(expected) && strcmp(ours, expected) == 0, file, line,
	      "format \"%s\": got \"%s\" (length %d), expected \"%s\" (length %zu)", fmt, ours, length,
	      expected, strlen(expected));
}

static void test_plain_conversions(void)
{
	PRINTS("", "");
	LIKE_LIBC("no conversions at all");
	LIKE_LIBC("%d", 0);
	LIKE_LIBC("%d", 42);
	LIKE_LIBC("%d", -42);
	LIKE_LIBC("%d", INT_MAX);
	LIKE_LIBC("%d", INT_MIN);
	LIKE_LIBC("%i", 7);
	LIKE_LIBC("%i", -7);
	LIKE_LIBC("%u", 0u);
	LIKE_LIBC("%u", 3000000000u);
	LIKE_LIBC("%u", UINT_MAX);
	LIKE_LIBC("%x", 0u);
	LIKE_LIBC("%x", 255u);
	LIKE_LIBC("%x", 0xdeadbeefu);
	LIKE_LIBC("%s", "abc");
	LIKE_LIBC("[%s]", "");
	LIKE_LIBC("%c", 'A');
	LIKE_LIBC("100%%");
	LIKE_LIBC("%s=%d (0x%x)%c", "pid", 12, 12u, '!');
}

static void test_long_conversions(void)
{
	LIKE_LIBC("%ld", LONG_MAX);
	LIKE_LIBC("%ld", LONG_MIN);
	LIKE_LIBC("%li", -1L);
	LIKE_LIBC("%lu", ULONG_MAX);
	LIKE_LIBC("%lx", ULONG_MAX);
	LIKE_LIBC("%lld", LLONG_MAX);
	LIKE_LIBC("%lld", LLONG_MIN);
	LIKE_LIBC("%llu", ULLONG_MAX);
	LIKE_LIBC("%llx", 0x123456789abcdef0ULL);
	/* An int after a long: the l must not leak into the next conversion. */
	LIKE_LIBC("%ld %d", LONG_MIN, -1);
}

static void test_width_and_flags(void)
{
	LIKE_LIBC("[%5d]", 42);
	LIKE_LIBC("[%5d]", -42);
	LIKE_LIBC("[%2d]", 12345);
	LIKE_LIBC("[%05d]", 42);
	LIKE_LIBC("[%05d]", -42);
	LIKE_LIBC("[%-5d]", 42);
	LIKE_LIBC("[%-5d]", -42);
	LIKE_LIBC("[%8x]", 0xbeefu);
	LIKE_LIBC("[%08x]", 0xbeefu);
	LIKE_LIBC("[%-8x]", 0xbeefu);
	LIKE_LIBC("[%6u]", 123u);
	LIKE_LIBC("[%016lx]", 0x80000000UL);
	LIKE_LIBC("[%025ld]", LONG_MIN);
	LIKE_LIBC("[%-25lld]", LLONG_MIN);
	LIKE_LIBC("[%5s]", "ab");
	LIKE_LIBC("[%-5s]", "ab");
	LIKE_LIBC("[%1s]", "longer than the width");
	LIKE_LIBC("[%3c]", 'x');
	LIKE_LIBC("[%-3c]", 'x');
	/* - wins over 0: the padding goes on the right, and is spaces. */
	PRINTS("[-3   ]", "[%-05d]", -3);
	PRINTS("[7    ]", "[%0-5d]", 7);
}

/* %p is 0x and hex digits, like "0x%lx"; the C library is free to differ for 0. */
static void test_pointers(void)
{
	char ours[64], expected[64];
	void *pointers[] = { (void *)0x1234, (void *)&ours, (void *)ULONG_MAX };
	for (size_t i = 0; i < sizeof(pointers) / sizeof(pointers[0]); i++) {
		format_text(ours, sizeof(ours), "%p", pointers[i]);
		snprintf(expected, sizeof(expected), "0x%lx", (unsigned long)pointers[i]);
		CHECK_STR(ours, expected);
	}
	PRINTS("0x0", "%p", (void *)0);
	LIKE_LIBC("[%10p]", (void *)0x1234);
	LIKE_LIBC("[%-10p]", (void *)0x1234);
	PRINTS("[0x00001234]", "[%010p]", (void *)0x1234);
}

static void test_null_string_and_unknown_conversions(void)
{
	PRINTS("(null)", "%s", (char *)0);
	PRINTS("[(null)]", "[%s]", (char *)0);
	PRINTS("%q", "%q");
	PRINTS("50%", "50%");
	/* An unknown conversion takes no argument, so the 5 goes to %d. */
	PRINTS("%y5", "%y%d", 5);
}

/* Returns 1 if all size bytes at p are still the 'X' the test filled them with. */
static int untouched(const char *p, size_t size)
{
	for (size_t i = 0; i < size; i++)
		if (p[i] != 'X')
			return 0;
	return 1;
}

static void test_truncation(void)
{
	char buf[16];

	memset(buf, 'X', sizeof(buf));
	CHECK_INT(format_text(buf, 6, "%s", "hello world"), 11);
	CHECK_STR(buf, "hello");
	CHECK_INT(untouched(buf + 6, sizeof(buf) - 6), 1); /* nothing written past size */

	CHECK_INT(format_text(buf, 6, "%s", "hello"), 5);
	CHECK_STR(buf, "hello");

	CHECK_INT(format_text(buf, 4, "%d", -12345), 6);
	CHECK_STR(buf, "-12");

	CHECK_INT(format_text(buf, 5, "%8d", 1), 8);
	CHECK_STR(buf, "    ");

	CHECK_INT(format_text(buf, 1, "%s", "hello"), 5);
	CHECK_STR(buf, "");

	/* Size 0 writes nothing at all, not even a NUL, so a null buffer is fine.
	 * buf + 1 and size 0: a stray write at [size - 1] would land in buf[0]. */
	memset(buf, 'X', sizeof(buf));
	CHECK_INT(format_text(buf + 1, 0, "%s", "hello"), 5);
	CHECK_INT(untouched(buf, sizeof(buf)), 1);
	CHECK_INT(format_text(NULL, 0, "%d items", 100), 9);
}

int main(void)
{
	test_plain_conversions();
	test_long_conversions();
	test_width_and_flags();
	test_pointers();
	test_null_string_and_unknown_conversions();
	test_truncation();
	return check_summary("format_test");
}
