/*
 * badcalls: boot with INIT=badcalls. Calls the kernel with every kind of
 * bad argument a careless or hostile program could pass, and checks that
 * each call fails with the documented error instead of crashing anything.
 * Prints one line per check and "badcalls: OK" if all passed.
 */
#include <stdint.h>
#include "common/string.h"
#include "lib/process.h"
#include "lib/stdio.h"
#include "lib/syscall.h"

#define KERNEL_ADDRESS 0xffffffc080200000L
#define USER_SPACE_END 0x4000000000L
#define IMAGE_COPY_MAX (128 * 1024)

/* ELF-64 field offsets (System V ABI): in the file header, and in a program header. */
#define ELF_MACHINE 18
#define ELF_PHOFF 32
#define ELF_PHNUM 56
#define PHDR_SIZE 56
#define PHDR_TYPE 0
#define PT_LOAD 1
#define PHDR_OFFSET 8
#define PHDR_VADDR 16
#define PHDR_FILESZ 32

static int failures;
static char image_copy[IMAGE_COPY_MAX];

static void check(const char *what, long got, long expected)
{
	int ok = got == expected;
	printf("badcalls: %s: got %s (%ld), %s\n", what, error_name(got), got, ok ? "ok" : "WRONG");
	if (!ok) {
		printf("badcalls:   expected %s (%ld)\n", error_name(expected), expected);
		failures++;
	}
}

static void check_true(const char *what, int condition)
{
	printf("badcalls: %s: %s\n", what, condition ? "ok" : "WRONG");
	failures += !condition;
}

static void check_console_calls(void)
{
	char buffer[16] = "0123456789";
	check("write from null", console_write(0, 10), -E_FAULT);
	check("write from kernel memory", console_write((void *)KERNEL_ADDRESS, 10), -E_FAULT);
	check("write with huge length", console_write(buffer, 1UL << 40), -E_FAULT);
	check("write wrapping around", console_write((void *)-8L, 16), -E_FAULT);
	check("write past end of user space", console_write((void *)(USER_SPACE_END - 4), 8), -E_FAULT);
	check("write of zero bytes", console_write(buffer, 0), 0);
	check("read into null", console_read(0, 4), -E_FAULT);
	check("read into kernel memory", console_read((void *)KERNEL_ADDRESS, 4), -E_FAULT);
	check("read into read-only text", console_read((void *)check, 4), -E_FAULT);
	check("read into the boot image", console_read((void *)0x2000000000L, 4), -E_FAULT);
}

static void check_other_calls(void)
{
	check("unknown call 9999", syscall6(9999, 0, 0, 0, 0, 0, 0), -E_NOSYS);
	check("unknown call -1", syscall6(-1, 0, 0, 0, 0, 0, 0), -E_NOSYS);
	check("unknown call SYSCALL_COUNT", syscall6(SYSCALL_COUNT, 0, 0, 0, 0, 0, 0), -E_NOSYS);
	check("sleep -5", sleep(-5), -E_INVAL);
	check("sleep 0", sleep(0), 0);
	check("wait with no children", wait(-1, 0), -E_CHILD);
	check("wait for pid 12345", wait(12345, 0), -E_CHILD);
	check("wait for pid 0", wait(0, 0), -E_INVAL);
	check("wait for pid -7", wait(-7, 0), -E_INVAL);
	long before = uptime();
	check("sleep 10", sleep(10), 0);
	check_true("sleep 10 lasted at least 10 ticks", uptime() - before >= 10);
}

/* Copies hello's image so that it can be corrupted; returns its size. */
static unsigned long copy_of_hello(void)
{
	unsigned long size;
	const void *image = boot_image_program("hello", &size);
	if (image == 0 || size > IMAGE_COPY_MAX) {
		printf("badcalls: cannot copy hello\n");
		failures++;
		return 0;
	}
	memcpy(image_copy, image, size);
	return size;
}

/* Returns a field of the first loadable segment's program header in image_copy. */
static uint64_t *first_segment_field(int offset)
{
	char *header = image_copy + *(uint64_t *)(image_copy + ELF_PHOFF);
	int count = *(uint16_t *)(image_copy + ELF_PHNUM);
	for (int i = 0; i < count && *(uint32_t *)(header + PHDR_TYPE) != PT_LOAD; i++)
		header += PHDR_SIZE;
	return (uint64_t *)(header + offset);
}

static void check_spawn(void)
{
	char *argv[] = { "hello", "7", 0 };
	unsigned long size;
	const void *hello = boot_image_program("hello", &size);

	check("spawn from null image", spawn_image(0, 100, argv, PRIV_NONE, 0), -E_FAULT);
	check("spawn from kernel memory", spawn_image((void *)KERNEL_ADDRESS, 4096, argv, PRIV_NONE, 0),
	      -E_FAULT);
	check("spawn with null argv", spawn_image(hello, size, 0, PRIV_NONE, 0), -E_FAULT);
	char *bad_string[] = { "hello", (char *)KERNEL_ADDRESS, 0 };
	check("spawn with a kernel pointer in argv", spawn_image(hello, size, bad_string, PRIV_NONE, 0),
	      -E_FAULT);
	char *empty[] = { 0 };
	check("spawn with empty argv", spawn_image(hello, size, empty, PRIV_NONE, 0), -E_INVAL);
	char *many[20];
	for (int i = 0; i < 19; i++)
		many[i] = "x";
	many[19] = 0;
	check("spawn with 19 arguments", spawn_image(hello, size, many, PRIV_NONE, 0), -E_2BIG);
	char long_text[700];
	memset(long_text, 'y', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	char *long_argv[] = { "hello", long_text, 0 };
	check("spawn with a 699-byte argument", spawn_image(hello, size, long_argv, PRIV_NONE, 0), -E_2BIG);
	check("spawn of text that is not ELF", spawn_image(argv, sizeof(argv), argv, PRIV_NONE, 0),
	      -E_NOEXEC);
	check("spawn of a truncated image", spawn_image(hello, 64, argv, PRIV_NONE, 0), -E_NOEXEC);
	check("spawn of an image crossing the end of user space",
	      spawn_image((void *)(USER_SPACE_END - 16), 64, argv, PRIV_NONE, 0), -E_FAULT);
	check("spawn of a program not in the image", spawn("no-such-program", argv), -E_NOEXEC);

	if (copy_of_hello() == 0)
		return;
	*(uint16_t *)(image_copy + ELF_MACHINE) = 62; /* x86-64 */
	check("spawn of another machine's ELF", spawn_image(image_copy, size, argv, PRIV_NONE, 0), -E_NOEXEC);
	copy_of_hello();
	*first_segment_field(PHDR_VADDR) = KERNEL_ADDRESS;
	check("spawn of a segment aimed at the kernel", spawn_image(image_copy, size, argv, PRIV_NONE, 0),
	      -E_NOEXEC);
	copy_of_hello();
	*first_segment_field(PHDR_FILESZ) = 1UL << 40;
	check("spawn of a segment larger than its memory", spawn_image(image_copy, size, argv, PRIV_NONE, 0),
	      -E_NOEXEC);
	copy_of_hello();
	*first_segment_field(PHDR_OFFSET) = 1UL << 40;
	check("spawn of a segment beyond the file", spawn_image(image_copy, size, argv, PRIV_NONE, 0),
	      -E_NOEXEC);

	/* Many failed spawns must not leak: afterwards a good one still works. */
	for (int i = 0; i < 500; i++)
		spawn_image(image_copy, size, argv, PRIV_NONE, 0);
	int pid = spawn_image(hello, size, argv, PRIV_NONE, 0);
	int status = -1;
	if (pid > 0)
		wait(pid, &status);
	check("a good spawn after 500 failed ones exits with", status, 0);
}

/* Fills the process table; the kernel must say E_NOMEM, and recover once they exit. */
static void check_process_limit(void)
{
	char *argv[] = { "sleep", "1", 0 };
	int started = 0;
	int result;
	while ((result = spawn("sleep", argv)) > 0)
		started++;
	check("spawning until the table is full", result, -E_NOMEM);
	check_true("more than 50 sleepers started before the table filled", started > 50);
	while (wait(-1, 0) > 0)
		;
	int pid = spawn("sleep", argv);
	check_true("a spawn after they exited succeeds", pid > 0);
	wait(pid, 0);
}

/*
 * The privileged calls, with every privilege (the first process has them
 * all), so that only the arguments can be wrong. Ordinary programs are
 * refused them outright: grade/programs/privtest.c checks that.
 */
static void check_privileged_calls(void)
{
	check("kill of ourselves", kernel_kill(getpid()), -E_INVAL);
	check("kill of pid 0", kernel_kill(0), -E_SRCH);
	check("kill of pid 12345", kernel_kill(12345), -E_SRCH);
	void *free_address = (void *)0x3000000000L;
	check("map_device of RAM", map_device(0x80200000UL, free_address), -E_INVAL);
	check("map_device of the PLIC", map_device(0x0c000000UL, free_address), -E_INVAL);
	check("map_device of an unaligned address", map_device(0x10000004UL, free_address), -E_INVAL);
	check("map_device over our own text", map_device(0x10000000UL, (void *)0x10000), -E_INVAL);
	check("map_device into the kernel half", map_device(0x10000000UL, (void *)KERNEL_ADDRESS), -E_INVAL);
	check("irq_register of 0", irq_register(0), -E_INVAL);
	check("irq_register of 64", irq_register(64), -E_INVAL);
	check("irq_register of -1", irq_register(-1), -E_INVAL);
	check("irq_ack of an interrupt we do not own", irq_ack(10), -E_INVAL);
	check("irq_register of the RTC's interrupt", irq_register(11), 0);
	check("irq_register of it again", irq_register(11), -E_INVAL);
	check("irq_ack of it", irq_ack(11), 0);
	check("map_pages of an unaligned address", map_pages((void *)0x1800000001L, 4096), -E_INVAL);
	check("map_pages of a huge length", map_pages((void *)0x1800000000L, 1UL << 62), -E_INVAL);
	check("map_pages over the boot image", map_pages((void *)0x2000000000L, 4096), -E_INVAL);
	check("share_pages with ourselves", share_pages(getpid(), (void *)0x10000, 4096), -E_INVAL);
	check("share_pages with pid 12345", share_pages(12345, (void *)0x10000, 4096), -E_SRCH);
}

int main(void)
{
	check_console_calls();
	check_other_calls();
	check_spawn();
	check_process_limit();
	check_privileged_calls();
	printf("badcalls: %s (%d failures)\n", failures == 0 ? "OK" : "FAILED", failures);
	return failures;
}
