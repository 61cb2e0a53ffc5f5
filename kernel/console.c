/*
 * Debug console calls. Output is copied from the caller in small chunks,
 * after the whole buffer has been checked, so a bad pointer prints nothing.
 * Input never blocks, because the legacy SBI getchar never does: a reader
 * with nothing to read gets 0 and polls again later (user/lib/console.c).
 */
#include "common/errors.h"
#include "console.h"
#include "printk.h"
#include "sbi.h"
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

long sys_console_read(struct proc *p)
{
	uint64_t buffer = p->frame.regs[REG_A0];
	uint64_t length = p->frame.regs[REG_A1];
	if (!vm_user_range_ok(p->root, buffer, length, 1))
		return -E_FAULT;
	char chunk[CHUNK_SIZE];
	uint64_t count = 0;
	for (int c; count < length && count < CHUNK_SIZE && (c = sbi_console_getchar()) >= 0;)
		chunk[count++] = (char)c;
	vm_copy_out(p->root, buffer, chunk, count);
	return (long)count;
}
