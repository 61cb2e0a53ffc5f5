/*
 * ipcstress: boot with INIT=ipcstress. Four producers send 25,000 messages
 * each to four consumers (100,000 in all), two producers by send and two by
 * call. Every message carries a per-pair sequence number and a checksum;
 * each consumer checks that nothing is lost, duplicated, reordered or
 * corrupted, and the callers check the replies. Helpers are this program
 * started as "ipcstress producer INDEX C1 C2 C3 C4" or "ipcstress consumer".
 */
#include <stdint.h>
#include "common/string.h"
#include "lib/ipc.h"
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

#define PRODUCERS 4
#define CONSUMERS 4
#define MESSAGES_PER_PRODUCER 25000
#define MESSAGES_PER_CONSUMER (PRODUCERS * MESSAGES_PER_PRODUCER / CONSUMERS)
#define CALL_FLAG (1 << 30) /* in the type: the producer waits for a reply */
#define SEQUENCE_MASK (CALL_FLAG - 1)

/* A checksum of the payload after its first four bytes, which hold it. */
static uint32_t checksum(const struct message *m)
{
	uint32_t sum = 2166136261u; /* FNV-1a */
	for (uint32_t i = 4; i < m->size; i++)
		sum = (sum ^ m->payload[i]) * 16777619u;
	return sum;
}

static void fill_message(struct message *m, int producer, int sequence, int is_call)
{
	m->type = sequence | (is_call ? CALL_FLAG : 0);
	m->size = 8 + (uint32_t)(sequence * 7 + producer) % (IPC_PAYLOAD_MAX - 7);
	for (uint32_t i = 4; i < m->size; i++)
		m->payload[i] = (uint8_t)(sequence * 31 + i * 7 + producer);
	uint32_t sum = checksum(m);
	memcpy(m->payload, &sum, sizeof(sum));
}

static int run_producer(int index, char *consumer_pids[])
{
	int sequence[CONSUMERS] = { 0 };
	int is_call = index >= PRODUCERS / 2;
	int errors = 0;
	struct message m;
	for (int i = 0; i < MESSAGES_PER_PRODUCER; i++) {
		int c = i % CONSUMERS;
		int consumer = (int)atol(consumer_pids[c]);
		fill_message(&m, index, sequence[c]++, is_call);
		uint32_t sum = checksum(&m);
		if (!is_call) {
			errors += ipc_send(consumer, &m, 0) != 0;
			continue;
		}
		if (ipc_call(consumer, &m) != 0 || m.sender != consumer || m.size != 4)
			errors++;
		uint32_t echoed; /* the consumer replies with the checksum it received */
		memcpy(&echoed, m.payload, sizeof(echoed));
		errors += echoed != sum;
	}
	return errors;
}

static int run_consumer(void)
{
	int senders[PRODUCERS] = { 0 };
	int expected[PRODUCERS] = { 0 };
	int errors = 0;
	struct message m;
	for (int received = 0; received < MESSAGES_PER_CONSUMER;) {
		if (ipc_recv(IPC_ANY, &m, 0, 0) != 0) {
			errors++;
			break;
		}
		if (m.sender == IPC_KERNEL)
			continue;
		received++;
		int slot = 0;
		while (slot < PRODUCERS && senders[slot] != 0 && senders[slot] != m.sender)
			slot++;
		if (slot == PRODUCERS) {
			errors++;
			continue;
		}
		senders[slot] = m.sender;
		uint32_t stored;
		memcpy(&stored, m.payload, sizeof(stored));
		if ((m.type & SEQUENCE_MASK) != expected[slot] || stored != checksum(&m))
			errors++;
		expected[slot] = (m.type & SEQUENCE_MASK) + 1;
		if (m.type & CALL_FLAG) {
			m.size = 4;
			errors += ipc_reply(m.sender, &m) != 0;
		}
	}
	printf("ipcstress: consumer %d: %d messages, %d errors\n", getpid(), MESSAGES_PER_CONSUMER, errors);
	return errors;
}

int main(int argc, char *argv[])
{
	if (argc > 1 && strcmp(argv[1], "consumer") == 0)
		return run_consumer();
	if (argc == 3 + CONSUMERS && strcmp(argv[1], "producer") == 0)
		return run_producer((int)atol(argv[2]), &argv[3]);

	char pid_text[CONSUMERS][12];
	char *producer_argv[4 + CONSUMERS] = { "ipcstress", "producer", 0 };
	char index_text[PRODUCERS][4];
	int pids[PRODUCERS + CONSUMERS];
	long start = uptime();
	for (int c = 0; c < CONSUMERS; c++) {
		char *argv_consumer[] = { "ipcstress", "consumer", 0 };
		pids[c] = spawn("ipcstress", argv_consumer);
		snprintf(pid_text[c], sizeof(pid_text[c]), "%d", pids[c]);
		producer_argv[3 + c] = pid_text[c];
	}
	for (int p = 0; p < PRODUCERS; p++) {
		snprintf(index_text[p], sizeof(index_text[p]), "%d", p);
		producer_argv[2] = index_text[p];
		pids[CONSUMERS + p] = spawn("ipcstress", producer_argv);
	}
	int failures = 0;
	for (int i = 0; i < PRODUCERS + CONSUMERS; i++) {
		int status = -1;
		if (pids[i] < 0 || wait(pids[i], &status) < 0 || status != 0) {
			printf("ipcstress: process %d failed with status %d\n", pids[i], status);
			failures++;
		}
	}
	printf("ipcstress: %d messages between %d processes in %ld ticks\n",
	       PRODUCERS * MESSAGES_PER_PRODUCER, PRODUCERS + CONSUMERS, uptime() - start);
	printf("ipcstress: %s (%d failures)\n", failures == 0 ? "OK" : "FAILED", failures);
	return failures;
}
