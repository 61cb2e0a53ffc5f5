/*
 * echo: prints its arguments separated by spaces, as one line written at
 * once, so that other programs' output cannot split it.
 */
#include "common/string.h"
#include "lib/console.h"

#define LINE_MAX 512

int main(int argc, char *argv[])
{
	char line[LINE_MAX];
	unsigned long length = 0;
	for (int i = 1; i < argc; i++) {
		unsigned long word = strlen(argv[i]);
		if (length + word + 2 > sizeof(line))
			break; /* the kernel limits arguments to 512 bytes in all, so this never cuts a line
				  short */
		memcpy(line + length, argv[i], word);
		length += word;
		if (i + 1 < argc)
			line[length++] = ' ';
	}
	line[length++] = '\n';
	return write(STDOUT, line, length) == (long)length ? 0 : 1;
}
