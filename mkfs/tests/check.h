/*
 * The counting checks shared by the host unit tests in mkfs/tests/. A failed
 * check prints "file:line: what went wrong" and the test goes on, so one run
 * shows every failure; check_summary prints the tally and gives the exit status.
 */
#ifndef TESTS_CHECK_H
#define TESTS_CHECK_H

#include <stdint.h>

/* Counts one check; on failure prints the place, the context, then the printf-style message. */
void check(int ok, const char *file, int line, const char *message, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Sets the text printed after "file:line: " in every failure from now on,
 * for tests that run the same checks on several inputs; "" for none.
 * The caller keeps prefix alive until it sets another.
 */
void check_set_context(const char *prefix);

/* got must equal expected; the three differ only in how a failure prints the numbers. */
void check_int(const char *file, int line, const char *what, long got, long expected);
void check_unsigned(const char *file, int line, const char *what, uint64_t got, uint64_t expected);
void check_hex(const char *file, int line, const char *what, uint64_t got, uint64_t expected);

void check_str(const char *file, int line, const char *what, const char *got, const char *expected);

/*
 * Returns the end of a readable page that an unreadable page follows, so a
 * test can put data right before it: reading one byte too far then kills
 * the test with a segmentation fault. Returns NULL (a failed check) if the
 * pages cannot be set up. Free them with check_free_page_end.
 */
unsigned char *check_page_end(void);
void check_free_page_end(unsigned char *end);

/* Prints "test_name: N passed, M failed"; returns the exit status for main, 1 if any check failed. */
int check_summary(const char *test_name);

#define CHECK(condition) check(condition, __FILE__, __LINE__, "failed: %s", #condition)
#define CHECK_INT(got, expected) check_int(__FILE__, __LINE__, #got, got, expected)
#define CHECK_UNSIGNED(got, expected) check_unsigned(__FILE__, __LINE__, #got, got, expected)
#define CHECK_HEX(got, expected) check_hex(__FILE__, __LINE__, #got, got, expected)
#define CHECK_STR(got, expected) check_str(__FILE__, __LINE__, #got, got, expected)

#endif
