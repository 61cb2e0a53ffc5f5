/*
 * Host unit tests for the receive-queue ring (kernel/ipc_queue.c): fullness,
 * arrival order across the wrap-around, find and remove by sender, checked
 * by hand and against a plain-array model, and copies that write and read
 * exactly the header and size payload bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ipc_queue.h"
#include "check.h"

/* Fills the slots before each test: a byte still POISON was never written. */
#define POISON 0xa5
/* Fills a source message past its size: seeing it in a slot means too much was copied. */
#define SOURCE_FILL 0x5a

static struct ipc_queue queue;

/* Empties the queue and poisons every slot. */
static void reset_queue(void)
{
	memset(queue.slots, POISON, IPC_QUEUE_LENGTH * sizeof(struct message));
	queue.head = 0;
	queue.count = 0;
}

/* What a test message is made from: every header field and payload byte follows from id. */
struct record {
	int id;
	int sender;
	uint32_t size;
};

static uint8_t payload_byte(int id, uint32_t index)
{
	return (uint8_t)(id * 37 + index * 11 + 1);
}

static void make_message(struct message *message, struct record record)
{
	memset(message, SOURCE_FILL, sizeof(*message));
	message->sender = record.sender;
	message->type = record.id;
	message->size = record.size;
	message->reserved = (uint32_t)record.id * 7 + 3;
	for (uint32_t i = 0; i < record.size; i++)
		message->payload[i] = payload_byte(record.id, i);
}

/* Returns 1 if message has the header and the size payload bytes that record makes. */
static int message_matches(const struct message *message, struct record record)
{
	if (message->sender != record.sender || message->type != record.id || message->size != record.size ||
	    message->reserved != (uint32_t)record.id * 7 + 3)
		return 0;
	for (uint32_t i = 0; i < record.size; i++) {
		if (message->payload[i] != payload_byte(record.id, i))
			return 0;
	}
	return 1;
}

/* Returns 1 if bytes [from, to) of memory are all POISON. */
static int is_poison(const void *memory, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (((const uint8_t *)memory)[i] != POISON)
			return 0;
	}
	return 1;
}

/* The hand-written tests derive sender and size from id, so a list of ids says it all. */
static struct record record_of(int id)
{
	struct record record = { id, 1 + id % 3, (uint32_t)(id * 53) % (IPC_PAYLOAD_MAX + 1) };
	return record;
}

static void push_record(struct record record)
{
	struct message message;
	make_message(&message, record);
	ipc_queue_push(&queue, &message);
}

/* Pushes the messages of ids first, first + 1, ... first + n - 1. */
static void push_ids(int first, int n)
{
	for (int id = first; id < first + n; id++)
		push_record(record_of(id));
}

/* Returns 1 if the queue holds exactly the messages of ids, oldest first. */
static int queue_holds(const int *ids, int n)
{
	if (queue.count != n)
		return 0;
	for (int position = 0; position < n; position++) {
		if (!message_matches(ipc_queue_at(&queue, position), record_of(ids[position])))
			return 0;
	}
	return 1;
}

/* Returns 1 if the queue holds ids first .. first + n - 1, oldest first. */
static int queue_holds_range(int first, int n)
{
	int ids[IPC_QUEUE_LENGTH];
	for (int i = 0; i < n; i++)
		ids[i] = first + i;
	return queue_holds(ids, n);
}

/* Returns 1 if the queued messages are in distinct slots of the page, so none overwrote another. */
static int positions_in_distinct_slots(void)
{
	int used[IPC_QUEUE_LENGTH] = { 0 };
	for (int position = 0; position < queue.count; position++) {
		struct message *message = ipc_queue_at(&queue, position);
		if (message < queue.slots || message >= queue.slots + IPC_QUEUE_LENGTH ||
		    used[message - queue.slots])
			return 0;
		used[message - queue.slots] = 1;
	}
	return 1;
}

static void test_fills_to_exactly_length(void)
{
	reset_queue();
	int full_too_early = 0;
	for (int id = 0; id < IPC_QUEUE_LENGTH; id++) {
		if (ipc_queue_is_full(&queue))
			full_too_early = 1;
		push_ids(id, 1);
	}
	CHECK(!full_too_early);
	CHECK(ipc_queue_is_full(&queue));
	CHECK_INT(queue.count, IPC_QUEUE_LENGTH);
	CHECK(queue_holds_range(0, IPC_QUEUE_LENGTH));
	CHECK(positions_in_distinct_slots());

	ipc_queue_remove(&queue, IPC_QUEUE_LENGTH - 1);
	CHECK(!ipc_queue_is_full(&queue));
	push_ids(IPC_QUEUE_LENGTH, 1);
	CHECK(ipc_queue_is_full(&queue));
}

/* Removing from position 0 frees the slot at head; pushes must reuse it, in order. */
static void test_wraps_around(void)
{
	reset_queue();
	push_ids(0, IPC_QUEUE_LENGTH);
	for (int id = 0; id < 5; id++) {
		CHECK_INT(ipc_queue_find(&queue, IPC_ANY), 0);
		CHECK(message_matches(ipc_queue_at(&queue, 0), record_of(id)));
		ipc_queue_remove(&queue, 0);
	}
	CHECK(!ipc_queue_is_full(&queue));
	CHECK(queue_holds_range(5, IPC_QUEUE_LENGTH - 5));

	push_ids(IPC_QUEUE_LENGTH, 5);
	CHECK(ipc_queue_is_full(&queue));
	CHECK(queue_holds_range(5, IPC_QUEUE_LENGTH));
	CHECK(positions_in_distinct_slots());

	/* Three more times round the ring, one message at a time. */
	int next = IPC_QUEUE_LENGTH + 5;
	int in_order = 1;
	for (int i = 0; i < 3 * IPC_QUEUE_LENGTH; i++) {
		ipc_queue_remove(&queue, 0);
		push_ids(next++, 1);
		if (!queue_holds_range(next - IPC_QUEUE_LENGTH, IPC_QUEUE_LENGTH))
			in_order = 0;
	}
	CHECK(in_order);
	CHECK(positions_in_distinct_slots());

	while (queue.count > 0)
		ipc_queue_remove(&queue, 0);
	CHECK_INT(ipc_queue_find(&queue, IPC_ANY), -1);
}

static void push_from(int id, int sender)
{
	struct record record = { id, sender, 4 };
	push_record(record);
}

static void test_find(void)
{
	reset_queue();
	CHECK_INT(ipc_queue_find(&queue, IPC_ANY), -1);
	CHECK_INT(ipc_queue_find(&queue, 2), -1);

	/* type is the id: types 2 and 5 would fool a find that looked at type, not sender. */
	push_from(5, 2);
	push_from(2, 5);
	push_from(7, 2);
	push_from(8, 7);
	push_from(9, 5);
	push_from(10, IPC_KERNEL);
	CHECK_INT(ipc_queue_find(&queue, IPC_ANY), 0);
	CHECK_INT(ipc_queue_find(&queue, 2), 0);
	CHECK_INT(ipc_queue_find(&queue, 5), 1);
	CHECK_INT(ipc_queue_find(&queue, 7), 3);
	CHECK_INT(ipc_queue_find(&queue, IPC_KERNEL), 5);
	CHECK_INT(ipc_queue_find(&queue, 9), -1);

	/* Take sender 2's oldest: its next one, id 7, is now the oldest from 2. */
	ipc_queue_remove(&queue, 0);
	CHECK_INT(ipc_queue_find(&queue, IPC_ANY), 0);
	CHECK_INT(ipc_queue_find(&queue, 2), 1);
	CHECK_INT(ipc_queue_at(&queue, 1)->type, 7);
	CHECK_INT(ipc_queue_find(&queue, 5), 0);
	ipc_queue_remove(&queue, 1);
	CHECK_INT(ipc_queue_find(&queue, 2), -1);
	CHECK_INT(ipc_queue_find(&queue, 5), 0);
	ipc_queue_remove(&queue, 0);
	CHECK_INT(ipc_queue_find(&queue, 5), 1);
	CHECK_INT(ipc_queue_at(&queue, 1)->type, 9);
}

static void test_remove_keeps_order(void)
{
	reset_queue();
	push_ids(0, 8);
	ipc_queue_remove(&queue, 3);
	CHECK(queue_holds((int[]){ 0, 1, 2, 4, 5, 6, 7 }, 7));
	ipc_queue_remove(&queue, queue.count - 1);
	CHECK(queue_holds((int[]){ 0, 1, 2, 4, 5, 6 }, 6));
	ipc_queue_remove(&queue, 1);
	CHECK(queue_holds((int[]){ 0, 2, 4, 5, 6 }, 5));

	/* Now with the oldest four in the last slots and the rest wrapped round to slot 0. */
	reset_queue();
	push_ids(0, IPC_QUEUE_LENGTH);
	for (int i = 0; i < IPC_QUEUE_LENGTH - 4; i++)
		ipc_queue_remove(&queue, 0);
	push_ids(IPC_QUEUE_LENGTH, 10);
	CHECK(queue_holds_range(IPC_QUEUE_LENGTH - 4, 14));

	int ids[IPC_QUEUE_LENGTH];
	int n = 14;
	for (int i = 0; i < n; i++)
		ids[i] = IPC_QUEUE_LENGTH - 4 + i;
	/* Positions 2 and then 3 sit just before the end of the page: the moves cross it. */
	static const int removals[] = { 2, 3, 11, 6, 1 };
	for (size_t r = 0; r < sizeof(removals) / sizeof(removals[0]); r++) {
		ipc_queue_remove(&queue, removals[r]);
		memmove(&ids[removals[r]], &ids[removals[r] + 1], (n - removals[r] - 1) * sizeof(int));
		n--;
		CHECK(queue_holds(ids, n));
	}

	/* Pushes after a middle removal go after the moved messages, not over them. */
	int next = 100;
	while (!ipc_queue_is_full(&queue)) {
		push_ids(next, 1);
		ids[n++] = next++;
	}
	CHECK_INT(n, IPC_QUEUE_LENGTH);
	CHECK(queue_holds(ids, n));
	CHECK(positions_in_distinct_slots());
}

/* A push writes the header and size payload bytes into its slot, and nothing else. */
static void test_copies_exactly_size(void)
{
	static const uint32_t sizes[] = { 0, 1, 7, 8, 100, IPC_PAYLOAD_MAX - 1, IPC_PAYLOAD_MAX };
	int count = sizeof(sizes) / sizeof(sizes[0]);
	reset_queue();
	for (int i = 0; i < count; i++) {
		struct record record = { 40 + i, 3, sizes[i] };
		push_record(record);
		struct message *slot = ipc_queue_at(&queue, i);
		CHECK(message_matches(slot, record));
		CHECK(is_poison(slot->payload, sizes[i], IPC_PAYLOAD_MAX));
	}
	/* The slot after the full-size message is untouched, header and all. */
	CHECK(is_poison(ipc_queue_at(&queue, count), 0, sizeof(struct message)));

	/* ipc_message_copy stores the size it is given, and copies only that much. */
	struct message source, destination;
	struct record full = { 60, 4, IPC_PAYLOAD_MAX };
	make_message(&source, full);
	memset(&destination, POISON, sizeof(destination));
	ipc_message_copy(&destination, &source, 10);
	CHECK_INT(destination.size, 10);
	CHECK_INT(destination.sender, 4);
	CHECK_INT(destination.type, 60);
	CHECK_INT(destination.reserved, source.reserved);
	CHECK(memcmp(destination.payload, source.payload, 10) == 0);
	CHECK(is_poison(destination.payload, 10, IPC_PAYLOAD_MAX));

	memset(&destination, POISON, sizeof(destination));
	ipc_message_copy(&destination, &source, 0);
	CHECK_INT(destination.size, 0);
	CHECK_INT(destination.type, 60);
	CHECK(is_poison(destination.payload, 0, IPC_PAYLOAD_MAX));
}

/*
 * Messages that end exactly at the end of a page, before a page that cannot
 * be read: a push must read only the header and size payload bytes of its
 * source, or the test dies with a segmentation fault. The sizes keep the
 * message 8-aligned.
 */
static void test_reads_only_header_and_size(void)
{
	unsigned char *end = check_page_end();
	if (end == NULL)
		return;
	static const uint32_t sizes[] = { 0, 8, IPC_PAYLOAD_MAX };
	reset_queue();
	for (int i = 0; i < 3; i++) {
		struct message *source = (struct message *)(end - IPC_HEADER_SIZE - sizes[i]);
		struct record record = { 70 + i, 2, sizes[i] };
		source->sender = record.sender;
		source->type = record.id;
		source->size = record.size;
		source->reserved = (uint32_t)record.id * 7 + 3;
		for (uint32_t j = 0; j < record.size; j++)
			source->payload[j] = payload_byte(record.id, j);
		ipc_queue_push(&queue, source);
		CHECK(message_matches(ipc_queue_at(&queue, i), record));
	}
	check_free_page_end(end);
}

/* A fixed-seed xorshift, so that a failing run can be repeated exactly. */
static uint32_t random_state = 2463534242u;

static uint32_t random_next(void)
{
	random_state ^= random_state << 13;
	random_state ^= random_state >> 17;
	random_state ^= random_state << 5;
	return random_state;
}

#define OPERATIONS 5000
#define SENDERS 5 /* pids 0 (IPC_KERNEL) to 4; receives also ask for 5, which never sends */

/* How often the random run hit each case, so that a change to it cannot quietly test less. */
static struct {
	int full, emptied, misses, removed_first, removed_middle, removed_last, moved_across_end;
} seen;

/*
 * Runs pushes and receives (find, then remove) on the queue and on a plain
 * array that is shifted by hand, comparing the two after every operation.
 * Returns the number of the first operation after which they differ, or
 * OPERATIONS if they never do.
 */
static int random_operations(void)
{
	struct record model[IPC_QUEUE_LENGTH];
	int model_count = 0;
	reset_queue();
	for (int step = 0; step < OPERATIONS; step++) {
		/* Alternate between mostly pushing and mostly receiving, to reach both full and empty. */
		uint32_t push_percent = (step / 200) % 2 == 0 ? 75 : 30;
		if (random_next() % 100 < push_percent) {
			if (model_count == IPC_QUEUE_LENGTH)
				continue;
			struct record record = { step, (int)(random_next() % SENDERS),
						 random_next() % (IPC_PAYLOAD_MAX + 1) };
			push_record(record);
			model[model_count++] = record;
			if (model_count == IPC_QUEUE_LENGTH)
				seen.full++;
		} else {
			int from = (int)(random_next() % (SENDERS + 2)) - 1;
			int expected = -1;
			for (int i = 0; i < model_count && expected < 0; i++) {
				if (from == IPC_ANY || model[i].sender == from)
					expected = i;
			}
			int position = ipc_queue_find(&queue, from);
			if (position != expected)
				return step;
			if (position < 0) {
				seen.misses++;
				continue;
			}
			if (!message_matches(ipc_queue_at(&queue, position), model[position]))
				return step;
			if (position == 0)
				seen.removed_first++;
			else if (position == model_count - 1)
				seen.removed_last++;
			else
				seen.removed_middle++;
			/* The younger messages sit on both sides of the end of the page. */
			if (position > 0 &&
			    ipc_queue_at(&queue, model_count - 1) < ipc_queue_at(&queue, position))
				seen.moved_across_end++;
			ipc_queue_remove(&queue, position);
			memmove(&model[position], &model[position + 1],
				(model_count - position - 1) * sizeof(model[0]));
			if (--model_count == 0)
				seen.emptied++;
		}
		if (queue.count != model_count ||
		    ipc_queue_is_full(&queue) != (model_count == IPC_QUEUE_LENGTH))
			return step;
		for (int i = 0; i < model_count; i++) {
			if (!message_matches(ipc_queue_at(&queue, i), model[i]))
				return step;
		}
	}
	return OPERATIONS;
}

static void test_against_model(void)
{
	CHECK_INT(random_operations(), OPERATIONS);
	CHECK(seen.full > 10);
	CHECK(seen.emptied > 10);
	CHECK(seen.misses > 50);
	CHECK(seen.removed_first > 50);
	CHECK(seen.removed_middle > 50);
	CHECK(seen.removed_last > 50);
	CHECK(seen.moved_across_end > 50);
}

int main(void)
{
	/* A broken ring can crash a test: the failures printed before it must not be lost with it. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* The kernel gives each queue one page; a malloc'ed block of the same size will do here. */
	queue.slots = malloc(IPC_QUEUE_LENGTH * sizeof(struct message));
	if (queue.slots == NULL) {
		fprintf(stderr, "ipc_queue_test: out of memory\n");
		return 2;
	}
	test_fills_to_exactly_length();
	test_wraps_around();
	test_find();
	test_remove_keeps_order();
	test_copies_exactly_size();
	test_reads_only_header_and_size();
	test_against_model();
	free(queue.slots);
	return check_summary("ipc_queue_test");
}
