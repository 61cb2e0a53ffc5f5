/*
 * A process's receive queue: a ring of IPC_QUEUE_LENGTH messages in one
 * page, allocated with the process, so sending never allocates memory.
 * Pure bookkeeping with no locking or user memory: mkfs/tests/ipc_queue_test.c
 * tests it on the host.
 */
#ifndef KERNEL_IPC_QUEUE_H
#define KERNEL_IPC_QUEUE_H

#include <stdint.h>
#include "common/ipc.h"

struct ipc_queue {
	struct message *slots; /* IPC_QUEUE_LENGTH of them */
	int head;              /* slot of the oldest message */
	int count;
};

static inline int ipc_queue_is_full(const struct ipc_queue *queue)
{
	return queue->count == IPC_QUEUE_LENGTH;
}

/* Appends a copy of message (its header and size payload bytes). The queue must not be full. */
void ipc_queue_push(struct ipc_queue *queue, const struct message *message);
/* Returns the position (0 = oldest) of the oldest message from sender (IPC_ANY: any), or -1. */
int ipc_queue_find(const struct ipc_queue *queue, int sender);
/* The message at position. */
struct message *ipc_queue_at(const struct ipc_queue *queue, int position);
/* Removes the message at position, keeping the order of the rest. */
void ipc_queue_remove(struct ipc_queue *queue, int position);

/*
 * Copies size payload bytes, a word at a time: the rest of a message is
 * never read. It is inline because IPC copies every message at least twice
 * and a call to memcpy would cost more than a short copy. (Messages are
 * 8-byte aligned, and the kernel is built with -fno-strict-aliasing, so
 * reading bytes as words is well defined.)
 */
static inline void ipc_payload_copy(struct message *dst, const struct message *src, uint32_t size)
{
	uint64_t *to = (uint64_t *)dst->payload;
	const uint64_t *from = (const uint64_t *)src->payload;
	for (uint32_t words = size / 8; words > 0; words--)
		*to++ = *from++;
	for (uint32_t i = size & ~7u; i < size; i++)
		dst->payload[i] = src->payload[i];
}

/*
 * Copies a message as the kernel delivers it from sender: its type and size
 * payload bytes, with the header's sender and reserved fields stamped by the
 * kernel, whatever src says.
 */
static inline void ipc_message_copy_stamped(struct message *dst, const struct message *src, uint32_t size,
					    int sender)
{
	dst->sender = sender;
	dst->type = src->type;
	dst->size = size;
	dst->reserved = 0;
	ipc_payload_copy(dst, src, size);
}

/* Copies the header, as it is, and the size payload bytes in use. */
static inline void ipc_message_copy(struct message *dst, const struct message *src, uint32_t size)
{
	ipc_message_copy_stamped(dst, src, size, src->sender);
	dst->reserved = src->reserved;
}

#endif
