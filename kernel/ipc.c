/*
 * Message passing between processes (docs/ipc.md). A message moves in one
 * of two ways. If the receiver is already waiting for it, it is copied
 * straight into the receiver's buffer (and a call switches the hart to the
 * receiver at once: the fast path). Otherwise it is copied into the
 * receiver's queue, or, if the queue is full, the sender waits on the
 * receiver's list of blocked senders and its message stays in its own
 * memory until there is room. The kernel never allocates per message.
 */
#include "common/errors.h"
#include "common/string.h"
#include "hart.h"
#include "ipc.h"
#include "memlayout.h"
#include "page_alloc.h"
#include "sched.h"
#include "syscall.h"
#include "timer.h"

_Static_assert(sizeof(struct message) == IPC_HEADER_SIZE + IPC_PAYLOAD_MAX, "message layout");
_Static_assert(sizeof(struct message) * IPC_QUEUE_LENGTH <= PAGE_SIZE, "a queue fits in a page");

int ipc_init_process(struct proc *p)
{
	p->queue.slots = page_alloc();
	p->queue.head = 0;
	p->queue.count = 0;
	return p->queue.slots != 0 ? 0 : -E_NOMEM;
}

/* Ends p's wait: result goes in its a0 and it goes back on a ready queue. */
static void finish(struct proc *p, long result)
{
	p->frame.regs[REG_A0] = (uint64_t)result;
	p->wake_tick = 0;
	sched_make_ready(p);
}

/* Reads the message header and its size payload bytes from source, which holds a whole message. */
static int read_message(struct proc *p, const struct message *source, struct message *message)
{
	uint32_t size = source->size;
	if (size > IPC_PAYLOAD_MAX)
		return -E_2BIG;
	ipc_message_copy_stamped(message, source, size, p->pid);
	return 0;
}

/*
 * Reads p's message at user, for send and reply, which only read it. A
 * message within one page (the usual case) costs one page-table walk; one
 * that straddles two pages goes through vm_copy_in, a piece at a time.
 */
static int copy_message_in(struct proc *p, uint64_t user, struct message *message)
{
	const struct message *source = vm_user_pointer(p->root, user, IPC_HEADER_SIZE, 0);
	if (source != 0 && user % PAGE_SIZE + IPC_HEADER_SIZE + source->size <= PAGE_SIZE)
		return read_message(p, source, message);
	int error = vm_copy_in(p->root, message, user, IPC_HEADER_SIZE);
	if (error < 0)
		return error;
	if (message->size > IPC_PAYLOAD_MAX)
		return -E_2BIG;
	message->sender = p->pid;
	message->reserved = 0;
	return vm_copy_in(p->root, message->payload, user + IPC_HEADER_SIZE, message->size);
}

/*
 * Records p's buffer for a call that will receive into it (recv, call,
 * reply_recv): it must be writable user memory for a whole message. When it
 * lies in one page, its kernel address is kept too, so that filling it
 * later, even from another process, needs no page-table walk. (A waiting
 * process cannot change its own mappings, so the address stays good.)
 * Returns 0 or -E_FAULT.
 */
static int locate_buffer(struct proc *p, uint64_t user)
{
	p->ipc_buffer = user;
	p->ipc_kernel_buffer = vm_user_pointer(p->root, user, sizeof(struct message), 1);
	if (p->ipc_kernel_buffer == 0 && !vm_user_range_ok(p->root, user, sizeof(struct message), 1))
		return -E_FAULT;
	return 0;
}

/* Reads the message in p's located buffer. */
static int read_located_message(struct proc *p, struct message *message)
{
	if (p->ipc_kernel_buffer != 0)
		return read_message(p, p->ipc_kernel_buffer, message);
	return copy_message_in(p, p->ipc_buffer, message);
}

/* Locates p's buffer at user and reads the message in it: the start of call and reply_recv. */
static int locate_and_read(struct proc *p, uint64_t user, struct message *message)
{
	int error = locate_buffer(p, user);
	return error < 0 ? error : read_located_message(p, message);
}

/* Writes a message into p's located buffer. */
static void write_located_message(struct proc *p, const struct message *message)
{
	if (p->ipc_kernel_buffer != 0)
		ipc_message_copy(p->ipc_kernel_buffer, message, message->size);
	else
		vm_copy_out(p->root, p->ipc_buffer, message, IPC_HEADER_SIZE + message->size);
}

/*
 * The live process pid, which must not be p, and which p may send to if
 * checked. Sets *error to -E_SRCH, -E_DEAD, -E_INVAL or -E_PERM if there is none.
 */
static struct proc *find_partner(struct proc *p, int pid, int checked, int *error)
{
	struct proc *partner = proc_find(pid, error);
	if (partner == p) {
		*error = -E_INVAL;
		return 0;
	}
	if (partner != 0 && checked && !may_send(p, partner)) {
		*error = -E_PERM;
		return 0;
	}
	return partner;
}

/*
 * Whether the chain of waits that starts at start (start waits for its
 * partner, which waits for its partner...) reaches target. If target is
 * about to wait for start, that would close a cycle that never ends.
 */
static int wait_chain_reaches(struct proc *start, struct proc *target)
{
	struct proc *q = start;
	for (int steps = 0; q != 0 && steps <= MAX_PROCS; steps++) {
		if (q == target)
			return 1;
		if (q->state != PROC_SENDING && q->state != PROC_CALLING && q->state != PROC_RECEIVING)
			return 0;
		q = q->ipc_partner;
	}
	return 0;
}

static int accepts_notifications(const struct proc *receiver)
{
	return accepts(receiver, IPC_KERNEL);
}

/* Gives message to a receiver that waits for it; the caller decides when the receiver runs. */
static void hand_over(struct proc *receiver, const struct message *message)
{
	write_located_message(receiver, message);
	receiver->frame.regs[REG_A0] = 0;
	receiver->wake_tick = 0;
}

/* ---- blocked senders: a FIFO per receiver, linked through next_blocked_sender ---- */

/* The sender's message waits in its buffer: ipc_buffer, located already for a call. */
static void block_sender(struct proc *sender, struct proc *receiver, int is_call)
{
	sender->state = PROC_SENDING;
	sender->ipc_partner = receiver;
	sender->ipc_is_call = is_call;
	sender->next_blocked_sender = 0;
	if (receiver->last_blocked_sender != 0)
		receiver->last_blocked_sender->next_blocked_sender = sender;
	else
		receiver->first_blocked_sender = sender;
	receiver->last_blocked_sender = sender;
}

/* Takes the first blocked sender whose pid is from (IPC_ANY: any) off receiver's list; 0 if none. */
static struct proc *take_blocked_sender(struct proc *receiver, int from)
{
	struct proc *previous = 0;
	for (struct proc *s = receiver->first_blocked_sender; s != 0;
	     previous = s, s = s->next_blocked_sender) {
		if (from != IPC_ANY && s->pid != from)
			continue;
		if (previous != 0)
			previous->next_blocked_sender = s->next_blocked_sender;
		else
			receiver->first_blocked_sender = s->next_blocked_sender;
		if (receiver->last_blocked_sender == s)
			receiver->last_blocked_sender = previous;
		return s;
	}
	return 0;
}

/* A blocked sender's message has been delivered: send() returns, call() now awaits the reply. */
static void sender_delivered(struct proc *sender)
{
	if (sender->ipc_is_call)
		sender->state = PROC_CALLING;
	else
		finish(sender, 0);
}

/*
 * Takes the message of the first blocked sender whose pid is from (or any)
 * into message, and lets that sender go on. A sender whose buffer has gone
 * bad gets the error instead. Returns 0 if no such sender has a message.
 */
static int take_blocked_message(struct proc *receiver, int from, struct message *message)
{
	struct proc *sender;
	while ((sender = take_blocked_sender(receiver, from)) != 0) {
		int error = copy_message_in(sender, sender->ipc_buffer, message);
		if (error == 0) {
			sender_delivered(sender);
			return 1;
		}
		finish(sender, error);
	}
	return 0;
}

/* Moves blocked senders' messages into receiver's queue while it has room, in the order they blocked. */
static void refill_queue(struct proc *receiver)
{
	struct message message;
	while (!ipc_queue_is_full(&receiver->queue) && take_blocked_message(receiver, IPC_ANY, &message))
		ipc_queue_push(&receiver->queue, &message);
}

/* ---- notifications ---- */

/* Writes p's pending notifications, as one message from the kernel, into p's located buffer. */
static void deliver_notifications(struct proc *p)
{
	struct message message = { .sender = IPC_KERNEL, .type = MSG_NOTIFY, .size = sizeof(uint64_t) };
	memcpy(message.payload, &p->notifications, sizeof(uint64_t));
	p->notifications = 0;
	write_located_message(p, &message);
}

void ipc_notify(struct proc *p, uint64_t bits)
{
	p->notifications |= bits;
	if (p->notifications != 0 && accepts_notifications(p)) {
		deliver_notifications(p);
		finish(p, 0);
	}
}

/* ---- the calls ---- */

/*
 * The common part of recv and reply_recv, once p's buffer is located.
 * Returns 0 with a message in the buffer, an error, or SYSCALL_NO_RESULT.
 */
static long receive(struct proc *p, int from, long flags, long timeout)
{
	if (timeout < 0)
		return -E_INVAL;
	/* Messages a process sent before it exited can still be received: E_DEAD only once they are gone. */
	int partner_error = 0;
	struct proc *partner = 0;
	if (from != IPC_ANY && from != IPC_KERNEL) {
		partner = find_partner(p, from, 0, &partner_error);
		if (partner == 0 && partner_error != -E_DEAD)
			return partner_error;
	}

	if (p->notifications != 0 && (from == IPC_ANY || from == IPC_KERNEL)) {
		deliver_notifications(p);
		return 0;
	}
	if (from != IPC_KERNEL) {
		int position = ipc_queue_find(&p->queue, from);
		if (position >= 0) {
			write_located_message(p, ipc_queue_at(&p->queue, position));
			ipc_queue_remove(&p->queue, position);
			refill_queue(p);
			return 0;
		}
		/* The queue is full of others' messages, but the awaited sender may be blocked. */
		struct message message;
		if (take_blocked_message(p, from, &message)) {
			write_located_message(p, &message);
			return 0;
		}
	}
	if (partner_error < 0)
		return partner_error;
	if (flags & IPC_NONBLOCK)
		return -E_AGAIN;
	if (partner != 0 && wait_chain_reaches(partner, p))
		return -E_DEADLK;
	p->state = PROC_RECEIVING;
	p->ipc_from = from;
	p->ipc_partner = partner;
	p->wake_tick = timeout > 0 ? timer_uptime_ticks() + timeout : 0;
	return SYSCALL_NO_RESULT;
}

/* recv(from, buffer, flags, timeout) */
long sys_recv(struct proc *p)
{
	uint64_t *a = &p->frame.regs[REG_A0];
	if (locate_buffer(p, a[1]) < 0)
		return -E_FAULT;
	return receive(p, (int)a[0], (long)a[2], (long)a[3]);
}

/*
 * The general path of send and call, which differ in three ways: a call
 * waits for the reply, so it waits even when the message is queued, and the
 * server that takes its message runs at once, on this hart; a call's
 * buffer takes the reply, so it is located, while a send's need only be
 * readable; and only a send may be IPC_NONBLOCK.
 */
static long send_message(struct proc *p, int is_call)
{
	uint64_t *a = &p->frame.regs[REG_A0];
	int error;
	struct proc *dst = find_partner(p, (int)a[0], 1, &error);
	if (dst == 0)
		return error;
	struct message message;
	error = is_call ? locate_and_read(p, a[1], &message) : copy_message_in(p, a[1], &message);
	if (error < 0)
		return error;
	p->ipc_partner = dst; /* read only while p waits (see wait_chain_reaches) */
	if (accepts(dst, p->pid)) {
		hand_over(dst, &message);
		if (!is_call) {
			sched_make_ready(dst);
			return 0;
		}
		p->state = PROC_CALLING;
		sched_hand_off(dst);
		return SYSCALL_NO_RESULT;
	}
	if (!is_call && !ipc_queue_is_full(&dst->queue)) {
		ipc_queue_push(&dst->queue, &message);
		return 0;
	}
	if (!is_call && (a[2] & IPC_NONBLOCK))
		return -E_AGAIN;
	/* p waits for dst now: that must not close a cycle. */
	if (wait_chain_reaches(dst, p))
		return -E_DEADLK;
	if (ipc_queue_is_full(&dst->queue)) {
		/* The message waits in p's buffer. A send's is not located: forget the last one. */
		if (!is_call)
			p->ipc_kernel_buffer = 0;
		p->ipc_buffer = a[1];
		block_sender(p, dst, is_call);
	} else {
		ipc_queue_push(&dst->queue, &message);
		p->state = PROC_CALLING;
	}
	return SYSCALL_NO_RESULT;
}

/* send(dst, buffer, flags) */
long sys_send(struct proc *p)
{
	return send_message(p, 0);
}

/* call(dst, buffer): the reply arrives in the same buffer. The general path, after ipc_fast_call. */
long sys_call(struct proc *p)
{
	return send_message(p, 1);
}

/* The process pid if it waits for p's reply; else 0 with *error set. */
static struct proc *find_waiting_client(struct proc *p, int pid, int *error)
{
	struct proc *client = find_partner(p, pid, 0, error);
	if (client == 0)
		return 0;
	/* While the call's message is still in p's queue, p has not received it, so it cannot answer. */
	if (client->state != PROC_CALLING || client->ipc_partner != p ||
	    ipc_queue_find(&p->queue, pid) >= 0) {
		*error = -E_INVAL;
		return 0;
	}
	return client;
}

/*
 * The first half of reply and reply_recv: gives the message in p's buffer
 * to the client waiting for p's answer. reply_recv locates the buffer, as
 * it receives into it next. Returns the client, or 0 with *error set.
 */
static struct proc *answer_client(struct proc *p, int locate, int *error)
{
	uint64_t *a = &p->frame.regs[REG_A0];
	struct proc *client = find_waiting_client(p, (int)a[0], error);
	if (client == 0)
		return 0;
	struct message reply;
	*error = locate ? locate_and_read(p, a[1], &reply) : copy_message_in(p, a[1], &reply);
	if (*error < 0)
		return 0;
	hand_over(client, &reply);
	return client;
}

/* reply(dst, buffer) */
long sys_reply(struct proc *p)
{
	int error;
	struct proc *client = answer_client(p, 0, &error);
	if (client == 0)
		return error;
	sched_make_ready(client);
	return 0;
}

/* reply_recv(dst, buffer, from): reply, then receive into the same buffer. After ipc_fast_reply_recv. */
long sys_reply_recv(struct proc *p)
{
	int error;
	struct proc *client = answer_client(p, 1, &error);
	if (client == 0)
		return error;
	long result = receive(p, (int)p->frame.regs[REG_A2], 0, 0);
	/* The fast path back: if the server now waits, the client runs next, on this hart. */
	if (result == SYSCALL_NO_RESULT)
		sched_hand_off(client);
	else
		sched_make_ready(client);
	return result;
}

/* notify(dst, bits) */
long sys_notify(struct proc *p)
{
	// LAB ipc BEGIN
	uint64_t *a = &p->frame.regs[REG_A0];
	int error;
	struct proc *dst = proc_find((int)a[0], &error);
	if (dst == 0)
		return error;
	if (!may_send(p, dst))
		return -E_PERM;
	if (a[1] & NOTIFY_KERNEL_BITS)
		return -E_INVAL; /* only the kernel may raise its own bits */
	ipc_notify(dst, a[1]);
	return 0;
	// LAB ipc STUB
	// (void)p;
	// return -E_NOSYS; /* Lab ipc: notify */
	// LAB ipc END
}

/* alarm(ticks): NOTIFY_ALARM after ticks ticks; 0 cancels. */
long sys_alarm(struct proc *p)
{
	// LAB ipc BEGIN
	long ticks = (long)p->frame.regs[REG_A0];
	if (ticks < 0)
		return -E_INVAL;
	p->alarm_tick = ticks > 0 ? timer_uptime_ticks() + ticks : 0;
	return 0;
	// LAB ipc STUB
	// (void)p;
	// return -E_NOSYS; /* Lab ipc: alarm */
	// LAB ipc END
}

/* The ipc_from of a sleeping process: no sender, not even the kernel, has this pid. */
#define IPC_NOBODY (-2)

void ipc_sleep(struct proc *p, uint64_t ticks)
{
	p->state = PROC_RECEIVING;
	p->ipc_from = IPC_NOBODY;
	p->ipc_partner = 0;
	p->wake_tick = timer_uptime_ticks() + ticks;
}

void ipc_tick(uint64_t now)
{
	for (int i = 0; i < MAX_PROCS; i++) {
		struct proc *p = &procs[i];
		if (p->state == PROC_RECEIVING && p->wake_tick != 0 && now >= p->wake_tick)
			finish(p, p->ipc_from == IPC_NOBODY ? 0 : -E_TIMEDOUT);
		if (p->state != PROC_FREE && p->alarm_tick != 0 && now >= p->alarm_tick) {
			p->alarm_tick = 0;
			ipc_notify(p, NOTIFY_ALARM);
		}
	}
}

void ipc_exit_process(struct proc *p)
{
	/* Killed while blocked in send: leave the receiver's list of blocked senders. */
	if (p->state == PROC_SENDING)
		take_blocked_sender(p->ipc_partner, p->pid);
	for (int i = 0; i < MAX_PROCS; i++) {
		struct proc *q = &procs[i];
		int waits_on_p =
			q->state == PROC_SENDING || q->state == PROC_CALLING || q->state == PROC_RECEIVING;
		if (waits_on_p && q->ipc_partner == p)
			finish(q, -E_DEAD);
	}
	page_free(p->queue.slots);
	p->queue.slots = 0;
	p->queue.count = 0;
	p->alarm_tick = 0;
}
