/*
 * Debug console calls. Output is copied from the caller in small chunks,
 * after the whole buffer has been checked, so a bad pointer prints nothing.
 * Input is polled: the legacy SBI getchar never blocks, so a reader with
 * nothing to read waits in PROC_READING and every timer tick polls for it.
 */
#include "common/errors.h"
#include "console.h"
#include "printk.h"
#include "sbi.h"
#include "sched.h"
#include "syscall.h"

#define CHUNK_SIZE 128

long sys_console_write(struct proc *p)
{
	uint64_t buffer = p->frame.regs[REG_A0];
	uint64_t length = p->frame.regs[REG_A1];
	if (!vm_user_range_ok(p->root, buffer, length, 0))
		return -E_FAULT;
	char chunk[CHUNK_SIZE];
	for (uint64_t done = 0; done < length; done += CHUNK_SIZE) {
		uint64_t n = length - done < CHUNK_SIZE ? length - done : CHUNK_SIZE;
		vm_copy_in(p->root, chunk, buffer + done, n);
		console_put_bytes(chunk, n);
	}
	return (long)length;
}

/* Moves the bytes waiting on the console, up to length, to the reader. Returns the count (0 if none). */
static long take_input(struct proc *p, uint64_t buffer, uint64_t length)
{
	char chunk[CHUNK_SIZE];
	uint64_t count = 0;
	while (count < length && count < CHUNK_SIZE) {
		int c = sbi_console_getchar();
		if (c < 0)
			break;
		chunk[count++] = (char)c;
	}
	/* The range was checked when the call was made, and address spaces do not shrink. */
	if (count > 0)
		vm_copy_out(p->root, buffer, chunk, count);
	return (long)count;
}

long sys_console_read(struct proc *p)
{
	uint64_t buffer = p->frame.regs[REG_A0];
	uint64_t length = p->frame.regs[REG_A1];
	if (!vm_user_range_ok(p->root, buffer, length, 1))
		return -E_FAULT;
	if (length == 0)
		return 0;
	long count = take_input(p, buffer, length);
	if (count > 0)
		return count;
	p->state = PROC_READING;
	p->read_buffer = buffer;
	p->read_length = length;
	return SYSCALL_NO_RESULT;
}

void console_poll_readers(void)
{
	/* Readers are served in slot order; one is enough per tick, as a person types slowly. */
	for (int i = 0; i < MAX_PROCS; i++) {
		struct proc *p = &procs[i];
		if (p->state != PROC_READING)
			continue;
		long count = take_input(p, p->read_buffer, p->read_length);
		if (count > 0) {
			p->frame.regs[REG_A0] = (uint64_t)count;
			sched_make_ready(p);
		}
		return;
	}
}
