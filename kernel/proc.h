/*
 * Processes: a fixed table of MAX_PROCS slots, each one single-threaded
 * process with its own address space and trap frame. A process blocked in
 * the kernel keeps no kernel stack: its state says what it waits for, and
 * whoever ends the wait writes the call's result into its trap frame.
 */
#ifndef KERNEL_PROC_H
#define KERNEL_PROC_H

#include <stdint.h>
#include "ipc_queue.h"
#include "trap.h"
#include "vm.h"

#define PROC_NAME_MAX 16

enum proc_state {
	PROC_FREE,      /* an unused slot */
	PROC_READY,     /* on a ready queue, waiting for a hart */
	PROC_RUNNING,   /* on a hart */
	PROC_SENDING,   /* in send() or call(), until ipc_partner's full queue has room */
	PROC_CALLING,   /* in call(), message delivered, until ipc_partner replies */
	PROC_RECEIVING, /* in recv() until a message from ipc_from arrives, or in sleep() */
	PROC_ZOMBIE,    /* exited; its parent has not collected the status yet */
};

/* Scheduling priorities: a lower number always runs first (sched.c). */
enum proc_priority {
	PRIORITY_DRIVER = 0,
	PRIORITY_SERVER = 1,
	PRIORITY_USER = 2,
	PRIORITY_LEVELS = 3,
};

struct proc {
	struct trap_frame frame; /* saved user registers; sscratch points here while it runs */
	int pid;
	char name[PROC_NAME_MAX];
	enum proc_state state;
	enum proc_priority priority;
	unsigned privileges;     /* PRIV_* bits (common/privileges.h) */
	int killed;              /* kill() found it running on another hart: it ends at its next trap */
	pte_t *root;             /* its address space */
	uint64_t satp;           /* the satp value that selects root */
	struct proc *parent;     /* 0 once the parent has exited */
	struct proc *next_ready; /* link in its ready queue */
	int exit_status;         /* valid in PROC_ZOMBIE */
	uint64_t wake_tick;      /* PROC_RECEIVING: uptime tick to give up at (0: never) */
	uint64_t trace_mask;     /* trace(): bit n set means call n prints a line as it returns */

	/* Message passing (ipc.c) */
	struct ipc_queue queue;            /* messages sent to this process, oldest first */
	uint64_t notifications;            /* pending notification bits */
	struct proc *first_blocked_sender; /* processes in PROC_SENDING to this one, in order */
	struct proc *last_blocked_sender;
	struct proc *next_blocked_sender;
	struct proc *ipc_partner; /* whom PROC_SENDING, PROC_CALLING or PROC_RECEIVING waits for */
	int ipc_from;             /* PROC_RECEIVING: the pid, IPC_ANY or IPC_KERNEL awaited */
	uint64_t ipc_buffer;      /* user address of the message being sent or received */
	struct message
		*ipc_kernel_buffer; /* the same buffer through the direct map, or 0 (ipc.c: locate_buffer) */
	int ipc_is_call;            /* PROC_SENDING: call(), so wait for the reply once delivered */
	uint64_t alarm_tick;        /* uptime tick of the pending alarm (0: none) */
};

/* Where spawn() finds an ELF image: in kernel memory (owner 0) or in a process's memory. */
struct image_source {
	pte_t *owner_root;
	uint64_t address;
	uint64_t size;
};

#define MAX_ARGS 16
#define ARGV_TEXT_MAX 512

/* Program arguments, gathered in the kernel before they go on the new stack. */
struct arguments {
	int count;
	int text_used;
	char *pointers[MAX_ARGS]; /* into text */
	char text[ARGV_TEXT_MAX];
};

extern struct proc procs[MAX_PROCS];

/*
 * Creates a process from an ELF image, with args (args->pointers[0] names
 * it), as a child of parent (0 for init), and makes it ready. Its priority
 * follows from its privileges; services is handed to it in a2 at start (the
 * user library's name-server pid, see docs/servers.md).
 * Returns its pid, or -E_NOMEM, -E_NOEXEC, -E_FAULT.
 */
int proc_create(const struct image_source *image, const struct arguments *args, struct proc *parent,
		unsigned privileges, int services);
/* Ends p with status: frees its memory, hands the status to its parent. */
void proc_exit(struct proc *p, int status);
/* Kills p for a fault it caused, with one line saying why. */
void proc_kill_for_fault(struct proc *p, uint64_t scause, uint64_t sepc, uint64_t stval);
/* Ends p with EXIT_STATUS_KILLED: now, or at its next trap if it runs on another hart. */
void proc_kill(struct proc *p);
/* wait(): collects a child's exit. Returns its pid, -E_AGAIN if none has exited yet, or -E_CHILD. */
long proc_wait(struct proc *p, int pid);
/* The number of slots in use. */
int proc_count(void);
/* Finds a live process. Returns it, or 0 with *error = -E_SRCH (never existed) or -E_DEAD (gone). */
struct proc *proc_find(int pid, int *error);

#endif
