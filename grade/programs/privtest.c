/*
 * privtest: privileges, the send policy and page sharing. Two ways to run it:
 *
 * - from the shell ("$ privtest"), as an ordinary program that pm started
 *   with no privileges: every privileged kernel call and pm request must be
 *   refused, while what needs no privilege (map_pages, spawn) still works;
 * - as the first program (INIT=privtest), holding every privilege without
 *   pm: a closed process hears only from holders of PRIV_SEND_CLOSED, and
 *   share_pages shows a child the parent's page, both ways.
 *
 * One line per check ("privtest: ok WHAT"), then "privtest: OK (0 failures)".
 * The helpers are this same program started with a role: "privtest ROLE ARGS".
 */
#include <stdint.h>
#include "common/string.h"
#include "lib/ipc.h"
#include "lib/process.h"
#include "lib/selfcheck.h"
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

#define PAGE_SIZE 4096
#define USER_SPACE_END 0x4000000000UL
#define PAGES_ADDRESS 0x1800000000UL /* far from the heap (malloc.c) and the stack */
#define UART_ADDRESS 0x10000000UL
#define UART_IRQ 10
#define NEVER_A_PID 999999
#define PATTERN 0x5eed0000UL
#define ANSWER 0xa115e4UL
#define STOP 0 /* message types the closed helper understands */
#define PING 1

/* Starts "privtest role arg" with privileges. Returns its pid, or a negative error. */
static int start_helper(const char *role, long arg, unsigned privileges)
{
	char text[24];
	snprintf(text, sizeof(text), "%ld", arg);
	char *argv[] = { "privtest", (char *)role, text, 0 };
	return spawn_privileged("privtest", argv, privileges, 0);
}

static int exit_status(int pid)
{
	int status = -100;
	wait(pid, &status);
	return status;
}

/* ---- from the shell: an ordinary program ---- */

static void check_refused_kernel_calls(void)
{
	char *argv[] = { "echo", "privtest:", "spawned", "directly", 0 };
	unsigned long size;
	const void *echo = boot_image_program("echo", &size);
	selfcheck("map_device of the UART", map_device(UART_ADDRESS, (void *)PAGES_ADDRESS), -E_PERM);
	selfcheck("irq_register of the UART's interrupt", irq_register(UART_IRQ), -E_PERM);
	selfcheck("irq_ack of the UART's interrupt", irq_ack(UART_IRQ), -E_PERM);
	selfcheck("kernel_kill of pm", kernel_kill(services_pid), -E_PERM);
	selfcheck("kernel_kill of init", kernel_kill(1), -E_PERM);
	/* The kernel starts init with every privilege, PRIV_CLOSED among them: it hears only from servers. */
	selfcheck("notify init, which is closed", ipc_notify(1, 1), -E_PERM);
	selfcheck("spawn_image without pm", spawn_image(echo, size, argv, PRIV_NONE, services_pid), -E_PERM);
}

static void check_refused_pm_requests(void)
{
	char *argv[] = { "echo", "privtest:", "echo", "runs", 0 };
	selfcheck("kill of pm", kill(services_pid), -E_PERM);
	selfcheck("kill of the console", kill(service_lookup("console")), -E_PERM);
	selfcheck("kill of init", kill(1), -E_PERM);
	selfcheck("spawn of echo with PRIV_KILL", spawn_privileged("echo", argv, PRIV_KILL, 0), -E_PERM);
	selfcheck("spawn of echo as a server", spawn_privileged("echo", argv, PRIV_NONE, PM_SPAWN_SERVER),
		  -E_PERM);
	/* Checked after echo exits: it prints a word at a time, so a line of ours could split its line. */
	int pid = spawn("echo", argv);
	int status = exit_status(pid);
	selfcheck("a plain spawn of echo gives a pid", pid > 0, 1);
	selfcheck("and echo exits with status", status, 0);
}

static void check_map_pages(void)
{
	uint64_t *pages = (uint64_t *)PAGES_ADDRESS;
	selfcheck("map_pages of 2 pages", map_pages(pages, 2 * PAGE_SIZE), 0);
	int zeroed = 1;
	for (unsigned i = 0; i < 2 * PAGE_SIZE / sizeof(*pages); i++) {
		zeroed &= pages[i] == 0;
		pages[i] = i; /* a fault here would kill the test: the pages must be writable */
	}
	selfcheck("the new pages are zeroed", zeroed, 1);
	unsigned long last = 2 * PAGE_SIZE / sizeof(*pages) - 1;
	selfcheck("and keep what is written", pages[last], last);
	selfcheck("map_pages over them again", map_pages(pages, 2 * PAGE_SIZE), -E_INVAL);
	selfcheck("map_pages overlapping their end", map_pages(pages + PAGE_SIZE / 8, 2 * PAGE_SIZE),
		  -E_INVAL);
	selfcheck("map_pages at an unaligned address",
		  map_pages((char *)pages + 4 * PAGE_SIZE + 8, PAGE_SIZE), -E_INVAL);
	selfcheck("map_pages of an unaligned length", map_pages(pages + PAGE_SIZE, 100), -E_INVAL);
	selfcheck("map_pages of length 0", map_pages(pages + PAGE_SIZE, 0), -E_INVAL);
	selfcheck("map_pages across the end of user space",
		  map_pages((void *)(USER_SPACE_END - PAGE_SIZE), 2 * PAGE_SIZE), -E_INVAL);
	selfcheck("map_pages of kernel addresses", map_pages((void *)0xffffffc080200000UL, PAGE_SIZE),
		  -E_INVAL);
}

/* pm, not this program, is the kernel parent of what it spawns: so sharing with it is refused. */
static void check_share_refused(void)
{
	int child = start_helper("child", 0, PRIV_NONE);
	selfcheck("spawn of a helper gives a pid", child > 0, 1);
	selfcheck("share_pages with our pm-spawned child",
		  share_pages(child, (void *)PAGES_ADDRESS, PAGE_SIZE), -E_PERM);
	selfcheck("share_pages with pm", share_pages(services_pid, (void *)PAGES_ADDRESS, PAGE_SIZE),
		  -E_PERM);
	selfcheck("notify the helper to exit", ipc_notify(child, 1), 0);
	selfcheck("the helper exits with status", exit_status(child), 0);
}

/* ---- as the first program: every privilege, no pm ---- */

/* A closed process: pid 1 may call and notify it; anyone else must be stopped by the kernel. */
static void check_closed_process(void)
{
	int closed = start_helper("closed", 0, PRIV_CLOSED);
	selfcheck("spawn of a closed helper gives a pid", closed > 0, 1);
	int outsider = start_helper("outsider", closed, PRIV_NONE);
	selfcheck("the outsider, refused everything, exits with", exit_status(outsider), 0);
	struct message m = { .type = PING, .size = 0 };
	selfcheck("pid 1 (PRIV_SEND_CLOSED) calls the closed helper", ipc_call(closed, &m), 0);
	selfcheck("and gets its reply", m.type, PING);
	selfcheck("pid 1 notifies the closed helper", ipc_notify(closed, 1), 0);
	m.type = STOP;
	selfcheck("pid 1 sends to the closed helper", ipc_send(closed, &m, 0), 0);
	selfcheck("the closed helper heard no one else and exits with", exit_status(closed), 0);
}

static void check_page_sharing(void)
{
	volatile uint64_t *page = (volatile uint64_t *)PAGES_ADDRESS;
	void *unmapped = (void *)(PAGES_ADDRESS + 4 * PAGE_SIZE);
	selfcheck("map_pages of the page to share", map_pages((void *)page, PAGE_SIZE), 0);
	page[0] = PATTERN;
	int sharer = start_helper("sharer", PAGES_ADDRESS, PRIV_NONE);
	selfcheck("spawn of the sharer gives a pid", sharer > 0, 1);
	selfcheck("share_pages with our child", share_pages(sharer, (void *)page, PAGE_SIZE), 0);
	selfcheck("share_pages again over what it has now", share_pages(sharer, (void *)page, PAGE_SIZE),
		  -E_INVAL);
	selfcheck("share_pages of an unmapped page", share_pages(sharer, unmapped, PAGE_SIZE), -E_FAULT);
	selfcheck("share_pages with ourselves", share_pages(getpid(), (void *)page, PAGE_SIZE), -E_INVAL);
	selfcheck("share_pages with a pid never used", share_pages(NEVER_A_PID, (void *)page, PAGE_SIZE),
		  -E_SRCH);
	/* The sharer waits for this before it looks, so that it sees the page only once it is there. */
	selfcheck("notify the sharer", ipc_notify(sharer, 1), 0);
	selfcheck("the sharer, which saw the pattern, exits with", exit_status(sharer), 0);
	selfcheck("its answer is in our page", page[1], ANSWER);
	selfcheck("share_pages with the exited sharer", share_pages(sharer, (void *)page, PAGE_SIZE),
		  -E_DEAD);
}

/* ---- helper roles ---- */

static unsigned long wait_for_notification(void)
{
	struct message m;
	unsigned long bits = 0;
	if (ipc_recv(IPC_KERNEL, &m, 0, 0) == 0)
		memcpy(&bits, m.payload, sizeof(bits));
	return bits;
}

/* "child": waits for its parent's word, then exits. */
static int role_child(void)
{
	return wait_for_notification() == 1 ? 0 : 1;
}

/* "closed": answers pings until STOP; its exit status counts what came from anyone but pid 1. */
static int role_closed(void)
{
	struct message m;
	int strangers = 0;
	while (ipc_recv(IPC_ANY, &m, 0, 0) == 0) {
		uint64_t bits;
		memcpy(&bits, m.payload, sizeof(bits));
		if (m.sender == IPC_KERNEL)
			strangers += bits != 1; /* pid 1 notifies bit 0; the outsider tries bit 1 */
		else if (m.sender != 1)
			strangers++;
		else if (m.type == STOP)
			return strangers;
		else
			ipc_reply(m.sender, &m);
	}
	return 100;
}

/* "outsider CLOSED": with no privileges, it must not reach the closed process at all. */
static int role_outsider(int closed)
{
	struct message m = { .type = PING, .size = 0 };
	selfcheck("outsider: send to the closed helper", ipc_send(closed, &m, 0), -E_PERM);
	selfcheck("outsider: non-blocking send to it", ipc_send(closed, &m, IPC_NONBLOCK), -E_PERM);
	selfcheck("outsider: call to it", ipc_call(closed, &m), -E_PERM);
	selfcheck("outsider: notify to it", ipc_notify(closed, 2), -E_PERM);
	/* The kernel starts init with every privilege, PRIV_CLOSED among them. */
	selfcheck("outsider: notify to pid 1, closed too", ipc_notify(1, 2), -E_PERM);
	return selfcheck_failures();
}

/* "sharer ADDRESS": once told, checks the parent's pattern in the shared page and answers in it. */
static int role_sharer(unsigned long address)
{
	volatile uint64_t *page = (volatile uint64_t *)address;
	if (wait_for_notification() != 1 || page[0] != PATTERN)
		return 1;
	page[1] = ANSWER;
	return 0;
}

int main(int argc, char *argv[])
{
	selfcheck_start("privtest", argc, argv);
	if (argc == 3 && strcmp(argv[1], "child") == 0)
		return role_child();
	if (argc == 3 && strcmp(argv[1], "closed") == 0)
		return role_closed();
	if (argc == 3 && strcmp(argv[1], "outsider") == 0)
		return role_outsider((int)atol(argv[2]));
	if (argc == 3 && strcmp(argv[1], "sharer") == 0)
		return role_sharer((unsigned long)atol(argv[2]));
	if (services_pid != 0) {
		check_refused_kernel_calls();
		check_refused_pm_requests();
		check_map_pages();
		check_share_refused();
	} else {
		check_closed_process();
		check_page_sharing();
	}
	return selfcheck_verdict();
}
