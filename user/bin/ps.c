/*
 * ps: lists the processes pm knows (every one but those started without
 * pm), one line each. Ctrl-P at the console prints the same list.
 */
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/syscall.h"

int main(void)
{
	struct pm_process entry;
	int index = 0, result;
	printf(PROCESS_LIST_HEADING);
	while ((result = process_list(index, &entry)) == 0) {
		char text[80];
		process_describe(&entry, text, sizeof(text));
		printf("%s", text);
		index = entry.next_index;
	}
	if (result != -E_SRCH) {
		printf("ps: %s\n", error_name(result));
		return 1;
	}
	return 0;
}
