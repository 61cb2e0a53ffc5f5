/*
 * sh: a small shell. A line holds commands separated by ';' or '&'. Each
 * command is a program name and its arguments, split at spaces, run from
 * the boot image; the shell waits for it unless it ends in '&'. The
 * built-in "wait" waits for every command started with '&'. Ctrl-C stops
 * the command the shell waits for; Ctrl-D on an empty line ends the shell
 * (init starts a new one).
 */
#include "common/string.h"
#include "lib/console.h"
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/syscall.h"

#define LINE_MAX 512
#define ARGS_MAX 16

/* Splits command in place at spaces into argv (null-terminated). Returns the word count. */
static int split_words(char *command, char *argv[])
{
	int count = 0;
	char *p = command;
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

/* Waits for every child still running; says which ones finished with an error. */
static void wait_for_all(void)
{
	int pid, status;
	while ((pid = wait(-1, &status)) > 0) {
		if (status != 0)
			printf("sh: [%d] exited with status %d\n", pid, status);
	}
}

/* Runs one command; a background one is not waited for. */
static void run_command(char *command, int background)
{
	char *argv[ARGS_MAX + 1];
	if (split_words(command, argv) == 0)
		return;
	if (strcmp(argv[0], "wait") == 0) {
		wait_for_all();
		return;
	}
	int pid = spawn(argv[0], argv);
	if (pid < 0) {
		printf("sh: %s: %s\n", argv[0], pid == -E_NOEXEC ? "no such program" : error_name(pid));
		return;
	}
	if (background) {
		printf("[%d]\n", pid);
		return;
	}
	/* While the shell waits for it, Ctrl-C stops this program. */
	console_set_foreground(pid);
	int status;
	wait(pid, &status);
	console_set_foreground(0);
	if (status == EXIT_STATUS_KILLED)
		printf("sh: %s killed\n", argv[0]);
	else if (status != 0)
		printf("sh: %s exited with status %d\n", argv[0], status);
}

int main(void)
{
	char line[LINE_MAX];
	for (;;) {
		printf("$ ");
		if (read_line(line, sizeof(line)) < 0)
			return 0;
		char *command = line;
		for (char *p = line;; p++) {
			if (*p != ';' && *p != '&' && *p != '\0')
				continue;
			char separator = *p;
			*p = '\0';
			run_command(command, separator == '&');
			if (separator == '\0')
				break;
			command = p + 1;
		}
	}
}
