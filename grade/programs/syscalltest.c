/*
 * syscalltest PART: the syscall lab's grader boots this as the first
 * program (so without pm: children come straight from spawn_image) and
 * reads both its check lines and the kernel's trace and backtrace lines.
 * PART is trace, mask, inherit, memory, processes, badpointer or backtrace.
 * Copies of this program started as "syscalltest child ..." play the children.
 */
#include "common/string.h"
#include "lib/ipc.h"
#include "lib/process.h"
#include "lib/selfcheck.h"
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

#define PAGE_SIZE 4096
/* Free user addresses for map_pages, each in a 2 MiB range of its own (one page-table page per range). */
#define MAPPED_BY_PARENT 0x1000000000UL
#define MAPPED_BY_CHILD 0x1000200000UL
#define CHILD_PAGES 8
#define KERNEL_ADDRESS 0xffffffc080200000UL
#define BOOT_IMAGE_ADDRESS 0x2000000000UL
#define TYPE_GO 1

#define BIT(call) (1UL << (call))

/* This program's pid, from before any tracing starts: the grader counts every traced getpid. */
static int self;

/* Runs "syscalltest child ROLE PARENT" through spawn or, with a mask, spawn_traced. Returns its pid. */
static int start_child(const char *role, long trace_mask)
{
	char parent[16];
	snprintf(parent, sizeof(parent), "%d", self);
	char *argv[] = { "syscalltest", "child", (char *)role, parent, 0 };
	int pid = trace_mask < 0 ? spawn("syscalltest", argv) : spawn_traced("syscalltest", argv, trace_mask);
	selfcheck("a child starts", pid > 0, 1);
	return pid;
}

static void wait_for_child(int pid)
{
	int status = -1;
	selfcheck("the child exits with status 0", wait(pid, &status) == pid && status == 0, 1);
}

/* Three getpid calls, for the grader to count in the trace. Returns whether they agree. */
static int three_getpids(void)
{
	int pid = kernel_getpid();
	return kernel_getpid() == pid && kernel_getpid() == pid;
}

/* A traced process's calls print one line each as they return, and trace returns the previous mask. */
static void check_trace(void)
{
	printf("syscalltest: pid %d\n", self);
	selfcheck("trace(getpid) returns the previous mask, 0", trace(BIT(SYS_GETPID)), 0);
	selfcheck("getpid gives the same pid three times", three_getpids(), 1);
	selfcheck("trace(0) returns the previous mask", trace(0), (long)BIT(SYS_GETPID));
	kernel_getpid(); /* no longer traced */
	printf("syscalltest: tracing off\n");
}

/* Only the calls whose bits are set print, with their results (errors as negative numbers). */
static void check_mask(void)
{
	unsigned long mask = BIT(SYS_TRACE) | BIT(SYS_UPTIME) | BIT(SYS_SLEEP) | BIT(SYS_SYSINFO);
	printf("syscalltest: pid %d\n", self);
	selfcheck("trace(mask) returns 0", trace(mask), 0);
	kernel_getpid();
	long ticks = kernel_uptime();
	selfcheck("sleep(-1) is E_INVAL", sleep(-1), -E_INVAL);
	selfcheck("sleep(0) returns 0", sleep(0), 0);
	selfcheck("sysinfo(0) is E_FAULT", sysinfo(0), -E_FAULT);
	selfcheck("trace(0) returns the mask", trace(0), (long)mask);
	printf("syscalltest: uptime said %ld\n", ticks);
}

/* Children spawned while a mask is set inherit it, and so do theirs; spawn_traced sets one for a child. */
static void check_inherit(void)
{
	trace(BIT(SYS_GETPID));
	int traced = start_child("family", -1);
	trace(0);
	int untraced = start_child("getpids", -1);
	int by_spawn_traced = start_child("getpids", (long)BIT(SYS_GETPID));
	selfcheck("spawn_traced leaves the caller untraced", trace(0), 0);
	printf("syscalltest: children traced %d untraced %d spawn_traced %d\n", traced, untraced,
	       by_spawn_traced);
	wait_for_child(traced);
	wait_for_child(untraced);
	wait_for_child(by_spawn_traced);
}

/* Free memory falls by exactly the pages mapped, and what a child held comes back when it exits. */
static void check_memory(void)
{
	struct sysinfo first, before, after;
	selfcheck("sysinfo returns 0", sysinfo(&first), 0);
	selfcheck("some memory is free", first.free_pages > 100, 1);
	/* The first page also makes the page-table pages for its range, so count only the next ones. */
	selfcheck("map one page", map_pages((void *)MAPPED_BY_PARENT, PAGE_SIZE), 0);
	sysinfo(&before);
	selfcheck("map 5 more pages", map_pages((void *)(MAPPED_BY_PARENT + PAGE_SIZE), 5 * PAGE_SIZE), 0);
	sysinfo(&after);
	selfcheck("free pages fall by exactly the 5 pages mapped",
		  (long)(before.free_pages - after.free_pages), 5);

	int child = start_child("map", -1);
	struct message go = { .type = TYPE_GO };
	struct message mapped;
	selfcheck("the child has mapped its pages", ipc_recv(child, &mapped, 0, 0), 0);
	struct sysinfo during;
	sysinfo(&during);
	/* A process needs pages of its own besides: its program, stack, page tables and message queue. */
	selfcheck("free pages fall by more than the child mapped",
		  after.free_pages - during.free_pages > CHILD_PAGES, 1);
	selfcheck("let the child exit", ipc_send(child, &go, 0), 0);
	wait_for_child(child);
	struct sysinfo end;
	sysinfo(&end);
	selfcheck("every page of the child is free again", (long)(after.free_pages - end.free_pages), 0);
}

/* The count of processes includes a child while it runs, and drops once it has exited and been waited for. */
static void check_processes(void)
{
	struct sysinfo before, during, after;
	selfcheck("sysinfo returns 0", sysinfo(&before), 0);
	selfcheck("the first program is the only process", (long)before.processes, 1);
	int child = start_child("wait", -1);
	struct message go = { .type = TYPE_GO };
	sysinfo(&during);
	selfcheck("a running child counts", (long)during.processes, 2);
	selfcheck("let the child exit", ipc_send(child, &go, 0), 0);
	wait_for_child(child);
	sysinfo(&after);
	selfcheck("once waited for, it no longer counts", (long)after.processes, 1);
}

/* A pointer that is not the caller's writable memory is an error, and nothing is written. */
static void check_bad_pointers(void)
{
	selfcheck("sysinfo(0) is E_FAULT", sysinfo(0), -E_FAULT);
	selfcheck("sysinfo(kernel address) is E_FAULT", sysinfo((struct sysinfo *)KERNEL_ADDRESS), -E_FAULT);
	selfcheck("sysinfo(read-only boot image) is E_FAULT", sysinfo((struct sysinfo *)BOOT_IMAGE_ADDRESS),
		  -E_FAULT);
	selfcheck("map one page", map_pages((void *)MAPPED_BY_PARENT, PAGE_SIZE), 0);
	/* The struct starts 8 bytes before the end of the page, so its second half is unmapped. */
	uint64_t *last = (uint64_t *)(MAPPED_BY_PARENT + PAGE_SIZE - sizeof(uint64_t));
	*last = 12345;
	selfcheck("sysinfo across the end of mapped memory is E_FAULT", sysinfo((struct sysinfo *)last),
		  -E_FAULT);
	selfcheck("... and writes nothing", (long)*last, 12345);
	struct sysinfo info;
	selfcheck("sysinfo still works after bad pointers", sysinfo(&info), 0);
}

static void check_backtrace(void)
{
	printf("syscalltest: calling backtrace\n");
	selfcheck("backtrace returns 0", backtrace(), 0);
}

/* Waits for the parent's go-ahead. Returns 0, or 1 if the message does not come. */
static int wait_for_go(int parent)
{
	struct message go;
	return ipc_recv(parent, &go, 0, 0) == 0 && go.type == TYPE_GO ? 0 : 1;
}

/* "family": three getpid calls, then a grandchild that makes three more (each inherits the trace mask). */
static int run_family(void)
{
	int pid = kernel_getpid();
	if (kernel_getpid() != pid || kernel_getpid() != pid)
		return 1;
	char *argv[] = { "syscalltest", "child", "getpids", "0", 0 };
	int grandchild = spawn("syscalltest", argv);
	printf("syscalltest: child %d started grandchild %d\n", pid, grandchild);
	int status = -1;
	return grandchild > 0 && wait(grandchild, &status) == grandchild && status == 0 ? 0 : 1;
}

/* "map": maps CHILD_PAGES pages, tells the parent, and holds them until the go-ahead. */
static int run_mapper(int parent)
{
	struct message mapped = { .type = TYPE_GO };
	if (map_pages((void *)MAPPED_BY_CHILD, CHILD_PAGES * PAGE_SIZE) < 0 ||
	    ipc_send(parent, &mapped, 0) < 0)
		return 1;
	return wait_for_go(parent);
}

/* The children's roles: "syscalltest child ROLE PARENT". Each returns its exit status. */
static int run_child(const char *role, int parent)
{
	if (strcmp(role, "getpids") == 0)
		return three_getpids() ? 0 : 1;
	if (strcmp(role, "family") == 0)
		return run_family();
	if (strcmp(role, "map") == 0)
		return run_mapper(parent);
	if (strcmp(role, "wait") == 0)
		return wait_for_go(parent);
	return 1;
}

int main(int argc, char *argv[])
{
	if (argc == 4 && strcmp(argv[1], "child") == 0)
		return run_child(argv[2], (int)atol(argv[3]));
	selfcheck_start("syscalltest", argc, argv);
	self = kernel_getpid();
	const char *part = argc > 1 ? argv[argc - 1] : "";
	if (strcmp(part, "trace") == 0) {
		check_trace();
	} else if (strcmp(part, "mask") == 0) {
		check_mask();
	} else if (strcmp(part, "inherit") == 0) {
		check_inherit();
	} else if (strcmp(part, "memory") == 0) {
		check_memory();
	} else if (strcmp(part, "processes") == 0) {
		check_processes();
	} else if (strcmp(part, "badpointer") == 0) {
		check_bad_pointers();
	} else if (strcmp(part, "backtrace") == 0) {
		check_backtrace();
	} else {
		printf("usage: syscalltest trace|mask|inherit|memory|processes|badpointer|backtrace\n");
		return 1;
	}
	return selfcheck_verdict();
}
