/*
 * The user side of the kernel call convention: number in a7, arguments in
 * a0..a5, ecall, result in a0 (and a second one in a1 for wait). The
 * kernel keeps ra, sp, gp, tp and s0..s11, and may clobber t0..t6 and
 * a1..a7, so it need not save them (kernel/trap_entry.S).
 * Programs mostly use the server stubs (process.h, console.h) instead.
 */
#include <stdint.h>
#include "common/kernel_info.h"
#include "syscall.h"

/* Returns a0; stores a1 in *second if second is not 0. */
static long make_call(long number, long arg0, long arg1, long arg2, long arg3, long arg4, long arg5,
		      long *second)
{
	register long a0 asm("a0") = arg0;
	register long a1 asm("a1") = arg1;
	register long a2 asm("a2") = arg2;
	register long a3 asm("a3") = arg3;
	register long a4 asm("a4") = arg4;
	register long a5 asm("a5") = arg5;
	register long a7 asm("a7") = number;
	asm volatile("ecall"
		     : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a4), "+r"(a5), "+r"(a7)
		     :
		     : "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a6", "memory");
	if (second != 0)
		*second = a1;
	return a0;
}

long syscall6(long number, long a0, long a1, long a2, long a3, long a4, long a5)
{
	return make_call(number, a0, a1, a2, a3, a4, a5, 0);
}

void exit(int status)
{
	make_call(SYS_EXIT, status, 0, 0, 0, 0, 0, 0);
	for (;;)
		; /* exit does not return */
}

int getpid(void)
{
	// LAB pgtbl BEGIN
	/* One load from the read-only page the kernel maps into every process: no trap. */
	const struct kernel_info *info = (const struct kernel_info *)KERNEL_INFO_ADDRESS;
	return (int)info->pid;
	// LAB pgtbl STUB
	// /* lab pgtbl: answer from the kernel-info page, without a kernel call (labs/pgtbl/README.md) */
	// return (int)make_call(SYS_GETPID, 0, 0, 0, 0, 0, 0, 0);
	// LAB pgtbl END
}

int kernel_getpid(void)
{
	return (int)make_call(SYS_GETPID, 0, 0, 0, 0, 0, 0, 0);
}

long kernel_uptime(void)
{
	return make_call(SYS_UPTIME, 0, 0, 0, 0, 0, 0, 0);
}

int yield(void)
{
	return (int)make_call(SYS_YIELD, 0, 0, 0, 0, 0, 0, 0);
}

int sleep(long ticks)
{
	return (int)make_call(SYS_SLEEP, ticks, 0, 0, 0, 0, 0, 0);
}

long uptime(void)
{
	// LAB pgtbl BEGIN
	/*
	 * The kernel counts ticks as time / time_per_tick (kernel/timer.c); the
	 * time CSR is readable here because the kernel set scounteren.TM
	 * (privileged spec §4.1.5), so the same division gives the same answer.
	 */
	const struct kernel_info *info = (const struct kernel_info *)KERNEL_INFO_ADDRESS;
	uint64_t time;
	asm volatile("rdtime %0" : "=r"(time));
	return (long)(time / info->time_per_tick);
	// LAB pgtbl STUB
	// /* lab pgtbl: answer from the kernel-info page, without a kernel call (labs/pgtbl/README.md) */
	// return make_call(SYS_UPTIME, 0, 0, 0, 0, 0, 0, 0);
	// LAB pgtbl END
}

long console_write(const void *buffer, unsigned long length)
{
	return make_call(SYS_CONSOLE_WRITE, (long)buffer, (long)length, 0, 0, 0, 0, 0);
}

long console_read(void *buffer, unsigned long length)
{
	return make_call(SYS_CONSOLE_READ, (long)buffer, (long)length, 0, 0, 0, 0, 0);
}

int spawn_image(const void *image, unsigned long size, char *const argv[], unsigned privileges, int services)
{
	return (int)make_call(SYS_SPAWN, (long)image, (long)size, (long)argv, privileges, services, 0, 0);
}

int kernel_wait(int pid, int *status)
{
	long child_status;
	int result = (int)make_call(SYS_WAIT, pid, 0, 0, 0, 0, 0, &child_status);
	if (result > 0 && status != 0)
		*status = (int)child_status;
	return result;
}

int kernel_kill(int pid)
{
	return (int)make_call(SYS_KILL, pid, 0, 0, 0, 0, 0, 0);
}

int map_pages(void *address, unsigned long length)
{
	return (int)make_call(SYS_MAP_PAGES, (long)address, (long)length, 0, 0, 0, 0, 0);
}

int share_pages(int pid, void *address, unsigned long length)
{
	return (int)make_call(SYS_SHARE_PAGES, pid, (long)address, (long)length, 0, 0, 0, 0);
}

int map_device(unsigned long physical, void *address)
{
	return (int)make_call(SYS_MAP_DEVICE, (long)physical, (long)address, 0, 0, 0, 0, 0);
}

int irq_register(int irq)
{
	return (int)make_call(SYS_IRQ_REGISTER, irq, 0, 0, 0, 0, 0, 0);
}

int irq_ack(int irq)
{
	return (int)make_call(SYS_IRQ_ACK, irq, 0, 0, 0, 0, 0, 0);
}

long trace(unsigned long mask)
{
	return make_call(SYS_TRACE, (long)mask, 0, 0, 0, 0, 0, 0);
}

int sysinfo(struct sysinfo *info)
{
	return (int)make_call(SYS_SYSINFO, (long)info, 0, 0, 0, 0, 0, 0);
}

int backtrace(void)
{
	return (int)make_call(SYS_BACKTRACE, 0, 0, 0, 0, 0, 0, 0);
}

int pgtable_print(void)
{
	return (int)make_call(SYS_PGTABLE_PRINT, 0, 0, 0, 0, 0, 0, 0);
}
