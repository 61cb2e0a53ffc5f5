/*
 * sysinfo: prints what the kernel call sysinfo() reports, the free memory
 * and the number of processes.
 */
#include "lib/stdio.h"
#include "lib/syscall.h"

#define PAGE_KIB 4

int main(void)
{
	struct sysinfo info;
	int error = sysinfo(&info);
	if (error < 0) {
		printf("sysinfo: %s\n", error_name(error));
		return 1;
	}
	printf("free memory: %lu pages (%lu KiB)\n", (unsigned long)info.free_pages,
	       (unsigned long)info.free_pages * PAGE_KIB);
	printf("processes: %lu\n", (unsigned long)info.processes);
	return 0;
}
