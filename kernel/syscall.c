/*
 * System call dispatch and the small calls that need no module of their
 * own. Arguments arrive in the caller's saved registers; anything that is
 * a user pointer is handed to vm_copy_in/out, which check it.
 */
#include "common/errors.h"
#include "common/privileges.h"
#include "common/string.h"
#include "common/syscall_numbers.h"
#include "console.h"
#include "interrupt.h"
#include "ipc.h"
#include "map.h"
#include "page_alloc.h"
#include "panic.h"
#include "printk.h"
#include "proc.h"
#include "riscv.h"
#include "sched.h"
#include "syscall.h"
#include "timer.h"

static long sys_exit(struct proc *p)
{
	proc_exit(p, (int)p->frame.regs[REG_A0]);
	return SYSCALL_NO_RESULT;
}

static long sys_getpid(struct proc *p)
{
	return p->pid;
}

static long sys_yield(struct proc *p)
{
	p->frame.regs[REG_A0] = 0;
	sched_yield_current();
	return SYSCALL_NO_RESULT;
}

/* sleep(ticks): 0 returns at once; a negative count is an error. */
static long sys_sleep(struct proc *p)
{
	long ticks = (long)p->frame.regs[REG_A0];
	if (ticks < 0)
		return -E_INVAL;
	if (ticks == 0)
		return 0;
	ipc_sleep(p, ticks);
	return SYSCALL_NO_RESULT;
}

static long sys_uptime(struct proc *p)
{
	(void)p;
	return (long)timer_uptime_ticks();
}

/* pgtable_print(): prints the user half of the caller's page table (format: docs/memory.md). */
static long sys_pgtable_print(struct proc *p)
{
	vm_print(p->root, 2, 0);
	return 0;
}

/* Reads the argv array of another process into args: at most MAX_ARGS strings, ARGV_TEXT_MAX bytes. */
static int copy_arguments_in(struct proc *p, uint64_t user_argv, struct arguments *args)
{
	args->count = 0;
	args->text_used = 0;
	for (;;) {
		uint64_t user_string;
		int error = vm_copy_in(p->root, &user_string, user_argv + args->count * sizeof(uint64_t),
				       sizeof(user_string));
		if (error < 0)
			return error;
		if (user_string == 0)
			return args->count == 0 ? -E_INVAL : 0;
		if (args->count == MAX_ARGS)
			return -E_2BIG;
		char *text = args->text + args->text_used;
		long length = vm_copy_string_in(p->root, text, user_string, ARGV_TEXT_MAX - args->text_used);
		if (length < 0)
			return (int)length;
		args->pointers[args->count++] = text;
		args->text_used += length + 1;
	}
}

/*
 * spawn(image, size, argv, privileges, services): a new child process
 * running the ELF image at [image, image + size), with the privileges
 * asked for that the caller holds too, and services in its a2 at start.
 */
static long sys_spawn(struct proc *p)
{
	uint64_t *a = &p->frame.regs[REG_A0];
	if (!(p->privileges & PRIV_SPAWN))
		return -E_PERM;
	struct arguments args;
	int error = copy_arguments_in(p, a[2], &args);
	if (error < 0)
		return error;
	struct image_source image = { p->root, a[0], a[1] };
	return proc_create(&image, &args, p, (unsigned)a[3] & p->privileges, (int)a[4]);
}

/*
 * wait(pid): pid -1 means any child. Returns the child's pid in a0 and its
 * exit status in a1. It never blocks: NOTIFY_CHILD_EXITED says when to try again.
 */
static long sys_wait(struct proc *p)
{
	long pid = (long)p->frame.regs[REG_A0];
	if (pid < -1 || pid == 0)
		return -E_INVAL;
	return proc_wait(p, (int)pid);
}

/* kill(pid): ends another process as if it had exited with EXIT_STATUS_KILLED. */
static long sys_kill(struct proc *p)
{
	if (!(p->privileges & PRIV_KILL))
		return -E_PERM;
	int error;
	struct proc *target = proc_find((int)p->frame.regs[REG_A0], &error);
	if (target == 0)
		return error;
	if (target == p)
		return -E_INVAL; /* exit() is the way to end oneself */
	proc_kill(target);
	return 0;
}

/*
 * trace(mask): from now on, each of the caller's calls whose bit is set in mask prints a line as it
 * returns. Returns the previous mask.
 */
static long sys_trace(struct proc *p)
{
	// LAB syscall BEGIN
	uint64_t previous = p->trace_mask;
	/* Bits past the last call mean nothing; dropping them keeps the mask, and so the result, positive. */
	p->trace_mask = p->frame.regs[REG_A0] & ((1UL << SYSCALL_COUNT) - 1);
	return (long)previous;
	// LAB syscall STUB
	// (void)p;
	// return -E_NOSYS;
	// LAB syscall END
}

// LAB syscall BEGIN
/* The names are NUL-terminated strings back to back, so call n's name starts after n NULs. */
void syscall_trace(struct proc *p, uint64_t number, long result)
{
	const char *name = syscall_names;
	for (uint64_t i = 0; i < number; i++)
		name += strlen(name) + 1;
	printk("trace: pid %d %s -> %ld\n", p->pid, name, result);
}
// LAB syscall STUB
// /* Lab syscall: syscall_trace (syscall.h) goes here. */
// LAB syscall END

/* sysinfo(info): fills the caller's struct sysinfo (common/syscall_numbers.h). */
static long sys_sysinfo(struct proc *p)
{
	// LAB syscall BEGIN
	struct sysinfo info = { .free_pages = page_alloc_free_count(), .processes = (uint64_t)proc_count() };
	/* a0 is a user address: vm_copy_out checks that it is writable user memory, or returns -E_FAULT. */
	return vm_copy_out(p->root, p->frame.regs[REG_A0], &info, sizeof(info));
	// LAB syscall STUB
	// (void)p;
	// return -E_NOSYS;
	// LAB syscall END
}

/* backtrace(): prints the kernel backtrace of this very call. */
static long sys_backtrace(struct proc *p)
{
	// LAB syscall BEGIN
	(void)p;
	/*
	 * The frame chain from here names this function's callers; the first address, this function's own
	 * entry point, puts sys_backtrace itself at the top.
	 */
	print_backtrace((uint64_t)sys_backtrace, r_frame_pointer());
	return 0;
	// LAB syscall STUB
	// (void)p;
	// return -E_NOSYS;
	// LAB syscall END
}

const char syscall_names[] =
	"exit\0getpid\0yield\0sleep\0uptime\0console_write\0console_read\0spawn_image\0wait\0ipc_send\0"
	"ipc_recv\0ipc_call\0ipc_reply\0ipc_reply_recv\0ipc_notify\0alarm\0kill\0map_pages\0share_pages\0"
	"map_device\0irq_register\0irq_ack\0trace\0sysinfo\0backtrace\0pgtable_print";

long (*const syscall_handlers[SYSCALL_COUNT])(struct proc *) = {
	[SYS_EXIT] = sys_exit,
	[SYS_GETPID] = sys_getpid,
	[SYS_YIELD] = sys_yield,
	[SYS_SLEEP] = sys_sleep,
	[SYS_UPTIME] = sys_uptime,
	[SYS_CONSOLE_WRITE] = sys_console_write,
	[SYS_CONSOLE_READ] = sys_console_read,
	[SYS_SPAWN] = sys_spawn,
	[SYS_WAIT] = sys_wait,
	[SYS_SEND] = sys_send,
	[SYS_RECV] = sys_recv,
	[SYS_CALL] = sys_call,
	[SYS_REPLY] = sys_reply,
	[SYS_REPLY_RECV] = sys_reply_recv,
	[SYS_NOTIFY] = sys_notify,
	[SYS_ALARM] = sys_alarm,
	[SYS_KILL] = sys_kill,
	[SYS_MAP_PAGES] = sys_map_pages,
	[SYS_SHARE_PAGES] = sys_share_pages,
	[SYS_MAP_DEVICE] = sys_map_device,
	[SYS_IRQ_REGISTER] = sys_irq_register,
	[SYS_IRQ_ACK] = sys_irq_ack,
	[SYS_TRACE] = sys_trace,
	[SYS_SYSINFO] = sys_sysinfo,
	[SYS_BACKTRACE] = sys_backtrace,
	[SYS_PGTABLE_PRINT] = sys_pgtable_print,
};
