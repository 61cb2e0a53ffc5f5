/*
 * The receive queue ring (ipc_queue.h). Removing a message from the middle
 * (recv from one sender) moves the younger messages up by one slot, so the
 * ring stays in arrival order; the queue is short, so this is cheap enough.
 */
#include "common/string.h"
#include "ipc_queue.h"

static int slot_index(const struct ipc_queue *queue, int position)
{
	return (queue->head + position) % IPC_QUEUE_LENGTH;
}

struct message *ipc_queue_at(const struct ipc_queue *queue, int position)
{
	return &queue->slots[slot_index(queue, position)];
}

void ipc_queue_push(struct ipc_queue *queue, const struct message *message)
{
	ipc_message_copy(ipc_queue_at(queue, queue->count), message, message->size);
	queue->count++;
}

int ipc_queue_find(const struct ipc_queue *queue, int sender)
{
	for (int position = 0; position < queue->count; position++) {
		if (sender == IPC_ANY || ipc_queue_at(queue, position)->sender == sender)
			return position;
	}
	return -1;
}

void ipc_queue_remove(struct ipc_queue *queue, int position)
{
	if (position == 0) {
		queue->head = slot_index(queue, 1);
	} else {
		for (int i = position; i < queue->count - 1; i++)
			ipc_message_copy(ipc_queue_at(queue, i), ipc_queue_at(queue, i + 1),
					 ipc_queue_at(queue, i + 1)->size);
	}
	queue->count--;
}
