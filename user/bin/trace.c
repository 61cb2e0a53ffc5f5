/*
 * trace MASK PROGRAM [ARGS...]: runs PROGRAM with the kernel tracing its
 * calls whose bits are set in MASK (bit n for call number n, see
 * docs/syscalls.md; decimal, or hexadecimal after 0x), waits for it, and
 * exits with its status. Each traced call prints a line as it returns:
 *
 *     trace: pid 7 uptime -> 1234
 */
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/syscall.h"

/* The value of c as a hexadecimal digit, or 16 if it is not one. */
static unsigned long digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned long)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (unsigned long)(c - 'a' + 10);
	return 16;
}

/* Reads a decimal or 0x-hexadecimal number. Returns 0, or -1 if text is not one. */
static int parse_mask(const char *text, unsigned long *mask)
{
	unsigned long base = 10;
	if (text[0] == '0' && text[1] == 'x') {
		base = 16;
		text += 2;
	}
	*mask = 0;
	if (*text == '\0')
		return -1;
	for (; *text != '\0'; text++) {
		if (digit_value(*text) >= base)
			return -1;
		*mask = *mask * base + digit_value(*text);
	}
	return 0;
}

int main(int argc, char *argv[])
{
	unsigned long mask;
	if (argc < 3 || parse_mask(argv[1], &mask) < 0) {
		printf("usage: trace MASK PROGRAM [ARGS...]  (bit n of MASK traces call n)\n");
		return 1;
	}
	int pid = spawn_traced(argv[2], argv + 2, mask);
	if (pid < 0) {
		printf("trace: cannot start %s: %s\n", argv[2], error_name(pid));
		return 1;
	}
	int status = 0;
	wait(pid, &status);
	return status;
}
