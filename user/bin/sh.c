/*
 * sh: a minimal shell. It reads a line, splits it at spaces, runs the
 * program of that name from the boot image with those arguments, and waits
 * for it. Ctrl-D on an empty line ends the shell (init starts a new one).
 */
#include "lib/spawn.h"
#include "lib/stdio.h"
#include "lib/syscall.h"

#define LINE_MAX 128
#define ARGS_MAX 16

/* Splits line in place at spaces into argv (null-terminated). Returns the word count. */
static int split_words(char *line, char *argv[])
{
	int count = 0;
	char *p = line;
	while (*p != '\0' && count < ARGS_MAX) {
		while (*p == ' ')
			*p++ = '\0';
		if (*p == '\0')
			break;
		argv[count++] = p;
		while (*p != '\0' && *p != ' ')
			p++;
	}
	argv[count] = 0;
	return count;
}

int main(void)
{
	char line[LINE_MAX];
	char *argv[ARGS_MAX + 1];
	for (;;) {
		printf("$ ");
		if (read_line(line, sizeof(line)) < 0)
			return 0;
		if (split_words(line, argv) == 0)
			continue;
		int pid = spawn(argv[0], argv);
		if (pid < 0) {
			printf("sh: %s: %s\n", argv[0],
			       pid == -E_NOEXEC ? "no such program" : error_name(pid));
			continue;
		}
		int status;
		wait(pid, &status);
		if (status != 0)
			printf("sh: %s exited with status %d\n", argv[0], status);
	}
}
