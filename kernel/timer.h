/*
 * The clock: every hart asks SBI for a timer interrupt TICKS_PER_SECOND
 * times a second. A tick preempts the running process and ends the waits
 * whose time is up (sleep, recv timeouts, alarms: ipc_tick).
 */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include <stdint.h>

/* Takes the time CSR's frequency from the device tree and starts this hart's ticks. */
void timer_init_hart(uint64_t timebase_frequency);
/* Handles a tick on this hart if its deadline has passed; returns whether it did. */
int timer_tick_if_due(void);
/* Ticks since boot. */
uint64_t timer_uptime_ticks(void);
/* Time CSR counts per tick: set at boot, then only read (proc.c copies it to the kernel-info page). */
extern uint64_t timer_time_per_tick;

#endif
