/*
 * init: the first process, the only one the kernel starts. It starts pm,
 * then asks pm for each server in the boot table, then keeps a shell
 * running on the console. docs/servers.md shows the result.
 */
#include "lib/console.h"
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/syscall.h"

struct boot_server {
	const char *name;
	unsigned privileges;
};

/* The servers to start, in order, with their privileges (common/privileges.h). */
static const struct boot_server boot_table[] = {
	{ "console", PRIV_DEVICE },
};

#define BOOT_SERVERS (sizeof(boot_table) / sizeof(boot_table[0]))

/* pm comes straight from the kernel; it hands every process after it pm's pid (start.S). */
static int start_pm(void)
{
	char *argv[] = { "pm", 0 };
	unsigned long size;
	const void *image = boot_image_program("pm", &size);
	if (image == 0)
		return -E_NOEXEC;
	return spawn_image(image, size, argv, PM_PRIVILEGES, 0);
}

int main(void)
{
	printf("init: pid %d, starting pm and the servers\n", getpid());
	int pm = start_pm();
	if (pm < 0) {
		printf("init: cannot start pm: %s\n", error_name(pm));
		return 1;
	}
	services_pid = pm;
	printf("init: started pm as pid %d\n", pm);
	for (unsigned i = 0; i < BOOT_SERVERS; i++) {
		char *argv[] = { (char *)boot_table[i].name, 0 };
		int pid =
			spawn_privileged(boot_table[i].name, argv, boot_table[i].privileges, PM_SPAWN_SERVER);
		if (pid < 0)
			printf("init: cannot start %s: %s\n", boot_table[i].name, error_name(pid));
		else
			printf("init: started %s as pid %d\n", boot_table[i].name, pid);
	}
	if (console_server() != 0)
		printf("init: console output now goes through the console server\n");

	for (;;) {
		char *argv[] = { "sh", 0 };
		int pid = spawn("sh", argv);
		if (pid < 0) {
			printf("init: cannot start sh: %s\n", error_name(pid));
			return 1;
		}
		int status;
		wait(pid, &status);
		printf("init: the shell exited (status %d); starting a new one\n", status);
	}
}
