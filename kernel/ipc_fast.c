/*
 * The fast way through a kernel call (docs/ipc.md, "The fast path, step by
 * step"). trap_vector calls trap_from_ecall for every ecall. It answers
 * getpid on the spot, and call and reply_recv when the partner already
 * waits; every other call, and every unusual case, goes on to
 * trap_from_user, the general path.
 *
 * The fast paths of call and reply_recv are in this file, next to their
 * only caller, so that the compiler inlines them into it: on a round trip
 * that saves two calls and their stack frames on each side.
 */
#include "common/syscall_numbers.h"
#include "hart.h"
#include "ipc.h"
#include "riscv.h"
#include "sched.h"
#include "trap.h"

/*
 * The fast paths: call and reply_recv when the partner already waits, the
 * buffers are the ones used last time (so their kernel addresses are
 * known), and nothing else is pending. They check only what this case
 * needs and copy the message from one buffer straight into the other, then
 * make the partner this hart's current process and return 1. Anything
 * unusual returns 0 having changed nothing, and the general path (ipc.c:
 * sys_call, sys_reply_recv) handles every case and every error.
 */

// LAB ipc BEGIN
/*
 * The process in pid's slot if it has that pid. It may be a zombie or free:
 * the callers check its state, which rules those out (and pid 0 too: slot
 * MAX_PROCS - 1 then holds a free slot or another pid). Written as
 * procs + slot, not &procs[slot]: GCC then keeps the pointer in a register
 * rather than recomputing it at each use (15 instructions a round trip).
 */
static inline struct proc *quick_find(uint64_t pid)
{
	struct proc *p = procs + (pid - 1) % MAX_PROCS;
	if ((uint64_t)p->pid != pid)
		return 0;
	return p;
}

/* Copies the message in from's buffer into to's buffer, stamped with from's pid. Returns 0 if it cannot. */
static inline int pass_message(const struct proc *from, struct proc *to)
{
	const struct message *source = from->ipc_kernel_buffer;
	struct message *target = to->ipc_kernel_buffer;
	if (source == 0 || target == 0)
		return 0;
	uint32_t size = source->size; /* read once: a buffer in shared memory may change meanwhile */
	if (size > IPC_PAYLOAD_MAX)
		return 0;
	ipc_message_copy_stamped(target, source, size, from->pid);
	return 1;
}

/* Only a receiving process accepts a message, so neither partner can be the caller itself. */
static int ipc_fast_call(struct proc *p)
{
	uint64_t *a = &p->frame.regs[REG_A0];
	struct proc *server = quick_find(a[0]);
	if (server == 0 || !accepts(server, p->pid) || a[1] != p->ipc_buffer || !may_send(p, server) ||
	    !pass_message(p, server))
		return 0;
	server->frame.regs[REG_A0] = 0;
	server->wake_tick = 0;
	p->state = PROC_CALLING;
	p->ipc_partner = server;
	sched_hand_off(server);
	return 1;
}

static int ipc_fast_reply_recv(struct proc *p)
{
	uint64_t *a = &p->frame.regs[REG_A0];
	struct proc *client = quick_find(a[0]);
	if (client == 0 || client->state != PROC_CALLING || client->ipc_partner != p ||
	    a[1] != p->ipc_buffer || (int)a[2] != IPC_ANY || p->queue.count != 0 || p->notifications != 0 ||
	    !pass_message(p, client))
		return 0;
	client->frame.regs[REG_A0] = 0;
	p->state = PROC_RECEIVING;
	p->ipc_from = IPC_ANY;
	p->ipc_partner = 0;
	p->wake_tick = 0;
	sched_hand_off(client);
	return 1;
}
// LAB ipc STUB
// static int ipc_fast_call(struct proc *p)
// {
// 	/* Lab ipc: the fast path of call. Returning 0 sends every call down the general path. */
// 	(void)p;
// 	return 0;
// }
//
// static int ipc_fast_reply_recv(struct proc *p)
// {
// 	/* Lab ipc: the fast path of reply_recv. Returning 0 takes the general path. */
// 	(void)p;
// 	return 0;
// }
// LAB ipc END

struct trap_frame *trap_from_ecall(void)
{
	struct hart *hart = this_hart();
	struct proc *p = hart->current;
	uint64_t number = p->frame.regs[REG_A7];
	/*
	 * The general path (trap_from_user, where scause still says ecall) ends
	 * a killed process, and prints the trace line of a traced one.
	 */
	if (p->killed || p->trace_mask != 0)
		trap_from_user();
	if (number == SYS_GETPID) {
		p->frame.regs[REG_A0] = (uint64_t)p->pid; /* sys_getpid, without the call */
		return &p->frame;
	}
	if (!(number == SYS_CALL && ipc_fast_call(p)) &&
	    !(number == SYS_REPLY_RECV && ipc_fast_reply_recv(p)))
		trap_from_user();
	/*
	 * The fast way out, without the scheduler. The fast path made its
	 * partner this hart's process (sched_hand_off): load that process's
	 * address space (privileged spec §4.2.1: sfence.vma after writing
	 * satp), and tell its frame which hart it is on.
	 */
	struct proc *next = hart->current;
	next->frame.kernel_sp = hart->stack_top;
	next->frame.hart = (uint64_t)hart;
	w_satp_and_flush(next->satp);
	return &next->frame;
}
