/*
 * The check lines of self-checking test programs (selfcheck.h).
 */
#include "common/string.h"
#include "selfcheck.h"
#include "stdio.h"
#include "syscall.h"

static const char *program_name = "test";
static const char *token = "";
static int failures;

void selfcheck_start(const char *program, int argc, char **argv)
{
	program_name = program;
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "token=", 6) == 0)
			token = argv[i];
	}
}

/* Errors by name; other results (a pid, a count) by number, since error_name would name them too. */
static void describe(long value, char *text, unsigned long size)
{
	if (value < 0)
		snprintf(text, size, "%s (%ld)", error_name(value), value);
	else
		snprintf(text, size, "%ld", value);
}

void selfcheck(const char *what, long got, long expected)
{
	if (got == expected) {
		printf("%s: ok %s\n", program_name, what);
		return;
	}
	char got_text[32], expected_text[32];
	describe(got, got_text, sizeof(got_text));
	describe(expected, expected_text, sizeof(expected_text));
	printf("%s: FAIL %s: got %s, expected %s\n", program_name, what, got_text, expected_text);
	failures++;
}

int selfcheck_failures(void)
{
	return failures;
}

int selfcheck_verdict(void)
{
	printf("%s: %s (%d failures)%s%s\n", program_name, failures == 0 ? "OK" : "FAILED", failures,
	       token[0] != '\0' ? " " : "", token);
	return failures;
}
