/*
 * Creating and ending processes. A process is born from an ELF image with
 * a stack holding its arguments, and ends by exit() or by a fault; its
 * parent collects the exit status with wait(). Orphans need no one: a
 * process whose parent is gone is freed as soon as it exits.
 */
#include "boot_image.h"
#include "common/errors.h"
#include "common/kernel_info.h"
#include "common/privileges.h"
#include "common/string.h"
#include "common/syscall_numbers.h"
#include "elf.h"
#include "hart.h"
#include "interrupt.h"
#include "ipc.h"
#include "memlayout.h"
#include "page_alloc.h"
#include "panic.h"
#include "printk.h"
#include "proc.h"
#include "riscv.h"
#include "sbi.h"
#include "sched.h"
#include "syscall.h"
#include "timer.h"

struct proc procs[MAX_PROCS];

/*
 * A pid names a slot and how many processes that slot has held before:
 * pid = slot + 1 + MAX_PROCS * generation. So proc_find needs no search,
 * pids are never reused, and a pid tells whether it ever existed.
 */
static int slot_generation[MAX_PROCS];

static int slot_of(const struct proc *p)
{
	return (int)(p - procs);
}

static struct proc *find_free_slot(void)
{
	for (int i = 0; i < MAX_PROCS; i++) {
		if (procs[i].state == PROC_FREE)
			return &procs[i];
	}
	return 0;
}

static void free_slot(struct proc *p)
{
	slot_generation[slot_of(p)]++;
	memset(p, 0, sizeof(*p));
	p->state = PROC_FREE;
}

struct proc *proc_find(int pid, int *error)
{
	if (pid <= 0) {
		*error = -E_SRCH;
		return 0;
	}
	int slot = (pid - 1) % MAX_PROCS;
	int generation = (pid - 1) / MAX_PROCS;
	struct proc *p = &procs[slot];
	if (p->pid == pid && p->state != PROC_FREE && p->state != PROC_ZOMBIE)
		return p;
	/* The slot has moved past this generation (or holds it as a zombie): it existed and is gone. */
	*error = generation < slot_generation[slot] || p->pid == pid ? -E_DEAD : -E_SRCH;
	return 0;
}

int proc_count(void)
{
	int count = 0;
	for (int i = 0; i < MAX_PROCS; i++)
		count += procs[i].state != PROC_FREE;
	return count;
}

/*
 * Lays out the arguments at the top of the new stack: the strings, then
 * the argv array of pointers to them, ending in a null pointer, with sp
 * left 16-byte aligned as the RISC-V psABI requires.
 */
static int push_arguments(pte_t *root, const struct arguments *args, uint64_t *sp, uint64_t *argv)
{
	uint64_t pointers[MAX_ARGS + 1];
	uint64_t top = USER_STACK_TOP;
	for (int i = 0; i < args->count; i++) {
		uint64_t length = strlen(args->pointers[i]) + 1;
		top -= length;
		int error = vm_copy_out(root, top, args->pointers[i], length);
		if (error < 0)
			return error;
		pointers[i] = top;
	}
	pointers[args->count] = 0;
	top = (top - (args->count + 1) * sizeof(uint64_t)) & ~15UL;
	*argv = top;
	*sp = top;
	return vm_copy_out(root, top, pointers, (args->count + 1) * sizeof(uint64_t));
}

static void set_name(struct proc *p, const char *path)
{
	const char *slash = path;
	for (const char *c = path; *c != '\0'; c++) {
		if (*c == '/')
			slash = c + 1;
	}
	strlcpy(p->name, slash, sizeof(p->name));
}

/* Builds the address space of process pid: program, stack with arguments, boot image, kernel-info page. */
static int build_address_space(pte_t *root, const struct image_source *image, const struct arguments *args,
			       struct trap_frame *frame, int services, int pid)
{
	uint64_t entry = 0, sp = 0, argv = 0;
	int error = elf_load(root, image, &entry);
	if (error == 0)
		error = vm_map_new_pages(root, USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE,
					 USER_STACK_PAGES * PAGE_SIZE, PTE_R | PTE_W | PTE_U);
	if (error == 0)
		error = boot_image_map_into(root);
	// LAB pgtbl BEGIN
	/* The kernel-info page: user-readable, not writable (§4.4.1), one page of its own, freed with it. */
	if (error == 0)
		error = vm_map_new_pages(root, KERNEL_INFO_ADDRESS, PAGE_SIZE, PTE_R | PTE_U);
	if (error == 0) {
		/* The missing W stops the program, not the kernel, which writes through the direct map. */
		struct kernel_info *info = vm_user_pointer(root, KERNEL_INFO_ADDRESS, sizeof(*info), 0);
		*info = (struct kernel_info){ .pid = (uint64_t)pid, .time_per_tick = timer_time_per_tick };
	}
	// LAB pgtbl STUB
	// /* lab pgtbl: map the kernel-info page of process pid here (labs/pgtbl/README.md) */
	// (void)pid;
	// LAB pgtbl END
	if (error == 0)
		error = push_arguments(root, args, &sp, &argv);
	if (error < 0)
		return error;
	memset(frame, 0, sizeof(*frame));
	frame->pc = entry;
	frame->regs[REG_SP] = sp;
	frame->regs[REG_A0] = args->count;
	frame->regs[REG_A1] = argv;
	frame->regs[REG_A2] = (uint64_t)services;
	return 0;
}

/* Drivers run first, then other privileged processes (servers), then user programs. */
static enum proc_priority priority_for(unsigned privileges)
{
	if (privileges & PRIV_DEVICE)
		return PRIORITY_DRIVER;
	return privileges != PRIV_NONE ? PRIORITY_SERVER : PRIORITY_USER;
}

int proc_create(const struct image_source *image, const struct arguments *args, struct proc *parent,
		unsigned privileges, int services)
{
	struct proc *p = find_free_slot();
	if (p == 0 || args->count < 1)
		return p == 0 ? -E_NOMEM : -E_INVAL;
	pte_t *root = vm_create();
	if (root == 0)
		return -E_NOMEM;
	int pid = slot_of(p) + 1 + MAX_PROCS * slot_generation[slot_of(p)];
	int error = build_address_space(root, image, args, &p->frame, services, pid);
	if (error == 0)
		error = ipc_init_process(p);
	if (error < 0) {
		vm_free(root);
		return error;
	}
	p->pid = pid;
	set_name(p, args->pointers[0]);
	p->root = root;
	p->satp = vm_satp(root);
	p->parent = parent;
	p->privileges = privileges;
	p->priority = priority_for(privileges);
	// LAB syscall BEGIN
	/* A traced program's children are traced too, so that trace can follow what a program starts. */
	p->trace_mask = parent != 0 ? parent->trace_mask : 0;
	// LAB syscall STUB
	// /* Lab syscall: the new process starts with its creator's trace mask. */
	// LAB syscall END
	sched_make_ready(p);
	return p->pid;
}

void proc_exit(struct proc *p, int status)
{
	ipc_exit_process(p);
	irq_release_all(p);
	for (int i = 0; i < MAX_PROCS; i++) {
		struct proc *child = &procs[i];
		if (child->state == PROC_FREE || child->parent != p)
			continue;
		child->parent = 0;
		if (child->state == PROC_ZOMBIE)
			free_slot(child);
	}
	/* Never free the page table this hart is using. */
	if (r_satp() == p->satp)
		vm_switch_to_kernel();
	vm_free(p->root);
	p->root = 0;
	if (p->state == PROC_READY)
		sched_remove(p);
	if (this_hart()->current == p)
		this_hart()->current = 0;

	if (p->parent != 0) {
		p->state = PROC_ZOMBIE;
		p->exit_status = status;
		ipc_notify(p->parent, NOTIFY_CHILD_EXITED);
	} else {
		free_slot(p);
	}

	if (proc_count() == 0) {
		printk("kernel: no processes left, shutting down with %lu pages free\n",
		       page_alloc_free_count());
		sbi_shutdown();
	}
}

void proc_kill_for_fault(struct proc *p, uint64_t scause, uint64_t sepc, uint64_t stval)
{
	printk("kernel: killed pid %d (%s): %s (scause 0x%lx), sepc=0x%lx, stval=0x%lx\n", p->pid, p->name,
	       scause_name(scause), scause, sepc, stval);
	proc_exit(p, EXIT_STATUS_FAULT);
}

void proc_kill(struct proc *p)
{
	/* Its page table is loaded on the other hart, so it cannot be freed from here. */
	if (p->state == PROC_RUNNING && this_hart()->current != p)
		p->killed = 1;
	else
		proc_exit(p, EXIT_STATUS_KILLED);
}

long proc_wait(struct proc *p, int pid)
{
	int has_child = 0;
	for (int i = 0; i < MAX_PROCS; i++) {
		struct proc *child = &procs[i];
		if (child->state == PROC_FREE || child->parent != p || (pid != -1 && child->pid != pid))
			continue;
		has_child = 1;
		if (child->state == PROC_ZOMBIE) {
			long child_pid = child->pid;
			p->frame.regs[REG_A1] = (uint64_t)(int64_t)child->exit_status;
			free_slot(child);
			return child_pid;
		}
	}
	return has_child ? -E_AGAIN : -E_CHILD;
}
