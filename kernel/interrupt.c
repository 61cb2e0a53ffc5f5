/*
 * The PLIC, as QEMU's virt board places it (docs/memory.md; RISC-V PLIC
 * specification v1.0.0): a priority word per interrupt source, and for
 * each hart context an enable bitmap, a priority threshold and a
 * claim/complete register. Hart h's S-mode context is number 2h + 1.
 */
#include "common/errors.h"
#include "common/ipc.h"
#include "common/privileges.h"
#include "hart.h"
#include "interrupt.h"
#include "ipc.h"
#include "memlayout.h"

#define PLIC_BASE 0x0c000000UL
#define PLIC_SOURCES 64 /* virt has 95; its devices use 1..11 */

static volatile uint32_t *plic_register(uint64_t offset)
{
	return phys_to_virt(PLIC_BASE + offset);
}

static uint64_t s_context(uint64_t hartid)
{
	return 2 * hartid + 1;
}

static volatile uint32_t *priority_of(uint64_t irq)
{
	return plic_register(4 * irq);
}

static volatile uint32_t *enable_word(uint64_t context, uint64_t irq)
{
	return plic_register(0x2000 + 0x80 * context + 4 * (irq / 32));
}

static volatile uint32_t *claim_register(uint64_t context)
{
	return plic_register(0x200004 + 0x1000 * context);
}

static struct {
	struct proc *owner;
	int claimed; /* claimed by the kernel, not yet acknowledged by the owner */
} sources[PLIC_SOURCES];

void interrupt_init_hart(void)
{
	*plic_register(0x200000 + 0x1000 * s_context(this_hart()->id)) = 0; /* threshold */
}

/* Turns source irq on or off for every hart, so whichever hart is free may take it. */
static void route(uint64_t irq, int on)
{
	*priority_of(irq) = on ? 1 : 0;
	for (int i = 0; i < MAX_HARTS; i++) {
		if (!harts[i].online)
			continue;
		volatile uint32_t *word = enable_word(s_context(harts[i].id), irq);
		*word = on ? *word | (1U << irq % 32) : *word & ~(1U << irq % 32);
	}
}

static void complete(uint64_t irq)
{
	sources[irq].claimed = 0;
	*claim_register(s_context(this_hart()->id)) = (uint32_t)irq;
}

void interrupt_handle_pending(void)
{
	for (;;) {
		uint32_t irq = *claim_register(s_context(this_hart()->id));
		if (irq == 0)
			return;
		if (irq < PLIC_SOURCES && sources[irq].owner != 0) {
			sources[irq].claimed = 1;
			ipc_notify(sources[irq].owner, NOTIFY_IRQ);
		} else {
			complete(irq); /* nobody serves it: a stray, dropped */
		}
	}
}

void irq_release_all(struct proc *p)
{
	for (uint64_t irq = 1; irq < PLIC_SOURCES; irq++) {
		if (sources[irq].owner != p)
			continue;
		route(irq, 0);
		if (sources[irq].claimed)
			complete(irq);
		sources[irq].owner = 0;
	}
}

/* irq_register(irq): p becomes the driver for PLIC source irq. */
long sys_irq_register(struct proc *p)
{
	uint64_t irq = p->frame.regs[REG_A0];
	if (!(p->privileges & PRIV_DEVICE))
		return -E_PERM;
	if (irq == 0 || irq >= PLIC_SOURCES || sources[irq].owner != 0)
		return -E_INVAL;
	sources[irq].owner = p;
	route(irq, 1);
	return 0;
}

/* irq_ack(irq): the driver has served its device; source irq may interrupt again. */
long sys_irq_ack(struct proc *p)
{
	uint64_t irq = p->frame.regs[REG_A0];
	if (!(p->privileges & PRIV_DEVICE))
		return -E_PERM;
	if (irq == 0 || irq >= PLIC_SOURCES || sources[irq].owner != p)
		return -E_INVAL;
	if (sources[irq].claimed)
		complete(irq);
	return 0;
}
