/*
 * Device interrupts for user-space drivers. The PLIC routes each device's
 * interrupt line to the harts; the kernel claims it, tells the driver that
 * registered for it with a NOTIFY_IRQ notification, and completes it only
 * when the driver says it has served the device (irq_ack). Until then the
 * PLIC holds that line back, so a driver is never flooded.
 */
#ifndef KERNEL_INTERRUPT_H
#define KERNEL_INTERRUPT_H

#include "proc.h"

/* Lets this hart take device interrupts (threshold 0 in its S-mode context). */
void interrupt_init_hart(void);
/* Claims and dispatches every interrupt pending for this hart. */
void interrupt_handle_pending(void);
/* Gives up the interrupts p registered for (p is exiting). */
void irq_release_all(struct proc *p);

long sys_irq_register(struct proc *p);
long sys_irq_ack(struct proc *p);

#endif
