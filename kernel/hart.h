/*
 * Per-hart state. Each hart keeps a pointer to its own struct hart in the
 * tp register while it is in the kernel (trap_entry.S loads it), so
 * this_hart() costs one instruction.
 */
#ifndef KERNEL_HART_H
#define KERNEL_HART_H

#include <stdint.h>
#include "fdt.h"

struct proc;

struct hart {
	uint64_t id;             /* the hart id SBI and the device tree use */
	struct proc *current;    /* the process this hart runs, 0 when idle */
	uint64_t stack_top;      /* this hart's kernel stack, used for every trap */
	uint64_t timer_deadline; /* time CSR value of the next timer tick */
	int idle;                /* waiting in wfi with nothing to run */
	int online;
};

extern struct hart harts[MAX_HARTS];
extern uint8_t hart_stacks[MAX_HARTS][HART_STACK_SIZE];

static inline struct hart *this_hart(void)
{
	struct hart *hart;
	asm volatile("mv %0, tp" : "=r"(hart));
	return hart;
}

/* Points tp at the hart's struct and sets up its trap vector. */
void hart_init_this(uint64_t hartid);
/* Starts every other hart in the device tree through SBI HSM (each enters kernel_main_secondary) and waits
 * until each is online. */
void hart_start_others(const struct boot_info *info);
/* Sends an interrupt to one idle hart, if any, so it looks for work at once. */
void hart_wake_idle(void);
/* Returns whether the kernel stack address lies on some hart's stack (for backtraces). */
int hart_stack_contains(uint64_t address);

#endif
