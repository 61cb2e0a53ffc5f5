/*
 * pgtbltest PART: the pgtbl lab's grader boots this as the first program
 * (grade/test_lab_pgtbl.py) with one PART:
 *
 *   print     maps a page and asks the kernel to print the page table;
 *             the grader reads the printout from the console
 *   info      the kernel-info page: what getpid() and uptime() say, and
 *             what children read from the page itself
 *   readonly  a child that writes to the kernel-info page is killed, and
 *             only that child
 *   bench     instructions per getpid() and uptime(), through the library
 *             and through the kernel call (boot it with -icount shift=0)
 *   share     a producer and a consumer stream items through a ring
 *             buffer in a page the producer shares with the consumer
 *
 * The helpers are this program started with a role: "pgtbltest ROLE ARGS".
 */
#include <stdint.h>
#include "common/kernel_info.h"
#include "common/string.h"
#include "lib/cycles.h"
#include "lib/ipc.h"
#include "lib/process.h"
#include "lib/selfcheck.h"
#include "lib/stdio.h"
#include "lib/stdlib.h"
#include "lib/syscall.h"

#define PAGE_SIZE 4096
#define PAGE_ADDRESS 0x1800000000UL /* far from the heap (malloc.c) and the stack */
#define ROUNDS 10000
#define HELPERS 3

/* Runs "pgtbltest role arg" as a child and returns its exit status (or the error that stopped it starting).
 */
static int run_helper(const char *role, long arg)
{
	char text[24];
	snprintf(text, sizeof(text), "%ld", arg);
	char *argv[] = { "pgtbltest", (char *)role, text, 0 };
	int pid = spawn("pgtbltest", argv);
	if (pid < 0)
		return pid;
	int status = -100;
	wait(pid, &status);
	/* selfcheck would name a negative status as an error code: say what it is here. */
	if (status != 0)
		printf("pgtbltest: the %s (pid %d) exited with status %d%s\n", role, pid, status,
		       status == EXIT_STATUS_FAULT ? ", killed for a fault" : "");
	return status;
}

/* ---- print ---- */

static void check_print(void)
{
	char *page = (char *)PAGE_ADDRESS;
	selfcheck("map_pages of one page to see in the printout", map_pages(page, PAGE_SIZE), 0);
	page[0] = 1;
	printf("pgtbltest: page table of pid %d, with a page mapped at 0x%lx:\n", kernel_getpid(),
	       PAGE_ADDRESS);
	selfcheck("pgtable_print returns", pgtable_print(), 0);
}

/* ---- info ---- */

/* "reader": reads the kernel-info page itself, without the library. A fault here kills it (status -1). */
static int role_reader(void)
{
	const struct kernel_info *info = (const struct kernel_info *)KERNEL_INFO_ADDRESS;
	int wrong = 0;
	wrong += info->pid != (uint64_t)kernel_getpid();
	if (info->time_per_tick == 0)
		return wrong + 1;
	long before = kernel_uptime();
	uint64_t time;
	asm volatile("rdtime %0" : "=r"(time));
	long after = kernel_uptime();
	long ticks = (long)(time / info->time_per_tick);
	wrong += ticks < before || ticks > after;
	return wrong;
}

/* The library's uptime must never be off the kernel's: read between two kernel readings, it lies between. */
static int uptime_agrees(void)
{
	long before = kernel_uptime();
	long ours = uptime();
	long after = kernel_uptime();
	return before <= ours && ours <= after;
}

static void check_info(void)
{
	selfcheck("getpid() agrees with the kernel call", getpid(), kernel_getpid());
	selfcheck("uptime() agrees with the kernel call", uptime_agrees(), 1);
	sleep(5);
	selfcheck("and again after sleep(5)", uptime_agrees(), 1);
	long start = uptime();
	sleep(20);
	long slept = uptime() - start;
	selfcheck("uptime() counts at least the 20 ticks slept", slept >= 20, 1);
	selfcheck("and not many more", slept < 20 + 2 * TICKS_PER_SECOND, 1);
	/* Each child has a page of its own: it reads its own pid there, not its parent's. */
	for (int i = 0; i < HELPERS; i++)
		selfcheck("a child reads its pid and the tick length from the page", run_helper("reader", 0),
			  0);
}

/* ---- readonly ---- */

/* "writer": writes to the kernel-info page, which must kill it before the store lands. */
static int role_writer(void)
{
	volatile uint64_t *pid = (volatile uint64_t *)KERNEL_INFO_ADDRESS;
	*pid = 12345;
	return 0; /* the page was writable */
}

static void check_read_only(void)
{
	selfcheck("a child reads the page", run_helper("reader", 0), 0);
	selfcheck("a child that writes to it is killed for the fault",
		  run_helper("writer", 0) == EXIT_STATUS_FAULT, 1);
	selfcheck("the next child still reads its own page", run_helper("reader", 0), 0);
	selfcheck("the kernel too refuses to write there for us",
		  console_read((void *)KERNEL_INFO_ADDRESS, 1), -E_FAULT);
	selfcheck("we live on, and getpid() still agrees", getpid(), kernel_getpid());
}

/* ---- bench ---- */

/*
 * Each figure is instructions per call, the call itself included, with the
 * cost of the loop around it taken off. The loops call the functions
 * directly, as a program would.
 */
static uint64_t per_call(uint64_t start)
{
	uint64_t spent = read_cycle() - start;
	return (spent - empty_loop_cycles(ROUNDS)) / ROUNDS;
}

static void check_bench(void)
{
	if (!icount_is_on()) {
		printf("pgtbltest: icount is off, so cycles are not instructions: boot with -icount "
		       "shift=0\n");
		selfcheck("icount is on", 0, 1);
		return;
	}
	uint64_t start = read_cycle();
	for (int i = 0; i < ROUNDS; i++)
		asm volatile("" : : "r"(getpid()) : "memory");
	uint64_t library = per_call(start);
	start = read_cycle();
	for (int i = 0; i < ROUNDS; i++)
		asm volatile("" : : "r"(kernel_getpid()) : "memory");
	printf("pgtbltest: getpid() %lu instructions, the getpid kernel call %lu\n", (unsigned long)library,
	       (unsigned long)per_call(start));
	start = read_cycle();
	for (int i = 0; i < ROUNDS; i++)
		asm volatile("" : : "r"(uptime()) : "memory");
	library = per_call(start);
	start = read_cycle();
	for (int i = 0; i < ROUNDS; i++)
		asm volatile("" : : "r"(kernel_uptime()) : "memory");
	printf("pgtbltest: uptime() %lu instructions, the uptime kernel call %lu\n", (unsigned long)library,
	       (unsigned long)per_call(start));
}

/* ---- share: a producer and a consumer ---- */

#define ITEMS 20000
#define RING_SLOTS 128
#define WAKE 1 /* the type of the message each side sends to wake the other */
#define PATIENCE (5 * TICKS_PER_SECOND)

/*
 * The ring in the shared page. The producer alone writes head and the
 * slots, the consumer alone tail and the results; each reads the other's
 * index with acquire and publishes its own with release, so a slot is
 * read only after it is written, and written again only after it is read.
 */
struct ring {
	uint64_t consumer_checksum; /* written by the consumer when it is done */
	uint64_t consumer_count;
	uint32_t head; /* items put in so far */
	uint32_t tail; /* items taken out so far */
	uint64_t slots[RING_SLOTS];
};

_Static_assert(sizeof(struct ring) <= PAGE_SIZE, "the ring fits in one page");

/* Item i: no two alike, so a lost, repeated or reordered item shows. */
static uint64_t item(uint64_t i)
{
	return i * 0x9e3779b97f4a7c15UL + 7;
}

static uint64_t checksum_add(uint64_t checksum, uint64_t value)
{
	return (checksum ^ value) * 0x100000001b3UL;
}

/*
 * The two sides wake each other with small messages. A wake-up is sent
 * without waiting: if the other side's queue is full, wake-ups are already
 * waiting for it, and it looks at the ring again after each one.
 */
static void wake(int pid)
{
	struct message m = { .type = WAKE };
	ipc_send(pid, &m, IPC_NONBLOCK);
}

/* Waits for a wake-up from pid. Returns 0, or -E_TIMEDOUT when none has come for PATIENCE ticks. */
static int wait_for_wake(int pid)
{
	struct message m;
	return ipc_recv(pid, &m, 0, PATIENCE);
}

/* "consumer PRODUCER": takes ITEMS items out of the ring, checking each. Returns how many were wrong. */
static int role_consumer(int producer)
{
	struct ring *ring = (struct ring *)PAGE_ADDRESS;
	if (wait_for_wake(producer) < 0)
		return 100; /* the producer's word that the page is shared never came */
	uint64_t checksum = 0;
	int wrong = 0;
	uint32_t taken = 0;
	while (taken < ITEMS) {
		if (__atomic_load_n(&ring->head, __ATOMIC_ACQUIRE) == taken) {
			if (wait_for_wake(producer) < 0)
				return 101;
			continue;
		}
		uint64_t value = ring->slots[taken % RING_SLOTS];
		wrong += value != item(taken);
		checksum = checksum_add(checksum, value);
		__atomic_store_n(&ring->tail, ++taken, __ATOMIC_RELEASE);
		wake(producer);
	}
	ring->consumer_checksum = checksum;
	ring->consumer_count = taken;
	printf("pgtbltest: consumer took %u items, %d out of place, checksum %lx\n", taken, wrong,
	       (unsigned long)checksum);
	return wrong;
}

/* Puts ITEMS items into the ring. Returns the checksum of what it put, or 0 if the consumer stopped taking.
 */
static uint64_t produce(struct ring *ring, int consumer)
{
	uint64_t checksum = 0;
	for (uint32_t put = 0; put < ITEMS; put++) {
		while (put - __atomic_load_n(&ring->tail, __ATOMIC_ACQUIRE) == RING_SLOTS) {
			if (wait_for_wake(consumer) < 0)
				return 0;
		}
		ring->slots[put % RING_SLOTS] = item(put);
		checksum = checksum_add(checksum, item(put));
		__atomic_store_n(&ring->head, put + 1, __ATOMIC_RELEASE);
		wake(consumer);
	}
	return checksum;
}

static void check_share(void)
{
	struct ring *ring = (struct ring *)PAGE_ADDRESS;
	selfcheck("map_pages of the ring's page", map_pages(ring, PAGE_SIZE), 0);
	char producer[16];
	snprintf(producer, sizeof(producer), "%d", getpid());
	char *argv[] = { "pgtbltest", "consumer", producer, 0 };
	int consumer = spawn("pgtbltest", argv);
	selfcheck("spawn of the consumer gives a pid", consumer > 0, 1);
	int shared = share_pages(consumer, ring, PAGE_SIZE);
	selfcheck("share_pages of the ring with the consumer", shared, 0);
	selfcheck("share_pages of it again", share_pages(consumer, ring, PAGE_SIZE), -E_INVAL);
	selfcheck("share_pages of an unmapped page",
		  share_pages(consumer, (char *)ring + 2 * PAGE_SIZE, PAGE_SIZE), -E_FAULT);
	/* A failed call maps nothing: so sharing the mapped page alone works afterwards. */
	char *second = (char *)ring + PAGE_SIZE;
	selfcheck("map_pages of a second page", map_pages(second, PAGE_SIZE), 0);
	selfcheck("share_pages of it and the unmapped page after it",
		  share_pages(consumer, second, 2 * PAGE_SIZE), -E_FAULT);
	selfcheck("share_pages of the second page alone", share_pages(consumer, second, PAGE_SIZE), 0);
	/* The consumer looks at the ring only after this first word: by then the page is there (or not). */
	wake(consumer);
	uint64_t checksum = shared == 0 ? produce(ring, consumer) : 0;
	int status = -100;
	wait(consumer, &status);
	printf("pgtbltest: producer put %d items, checksum %lx\n", shared == 0 ? ITEMS : 0,
	       (unsigned long)checksum);
	selfcheck("the consumer took every item, in order, and exits with", status, 0);
	/* The consumer has exited: the page must still be ours, with its last words in it. */
	selfcheck("the page outlives the consumer, holding its count", (long)ring->consumer_count, ITEMS);
	selfcheck("and a checksum equal to the producer's",
		  ring->consumer_checksum == checksum && checksum != 0, 1);
}

int main(int argc, char *argv[])
{
	selfcheck_start("pgtbltest", argc, argv);
	if (argc == 3 && strcmp(argv[1], "reader") == 0)
		return role_reader();
	if (argc == 3 && strcmp(argv[1], "writer") == 0)
		return role_writer();
	if (argc == 3 && strcmp(argv[1], "consumer") == 0)
		return role_consumer((int)atol(argv[2]));
	const char *part = argc > 1 ? argv[argc - 1] : "";
	if (strcmp(part, "print") == 0) {
		check_print();
	} else if (strcmp(part, "info") == 0) {
		check_info();
	} else if (strcmp(part, "readonly") == 0) {
		check_read_only();
	} else if (strcmp(part, "bench") == 0) {
		check_bench();
	} else if (strcmp(part, "share") == 0) {
		check_share();
	} else {
		printf("usage: pgtbltest print|info|readonly|bench|share\n");
		return 1;
	}
	return selfcheck_verdict();
}
