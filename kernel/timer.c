/*
 * Timer ticks through the SBI TIME extension (SBI spec §6). The time CSR
 * counts at the same rate on every hart, so uptime is simply time divided
 * by the tick length, and harts need not agree on anything else.
 */
#include "common/syscall_numbers.h"
#include "hart.h"
#include "ipc.h"
#include "proc.h"
#include "riscv.h"
#include "sbi.h"
#include "sched.h"
#include "timer.h"

uint64_t timer_time_per_tick;

void timer_init_hart(uint64_t timebase_frequency)
{
	timer_time_per_tick = timebase_frequency / TICKS_PER_SECOND;
	struct hart *hart = this_hart();
	hart->timer_deadline = r_time() + timer_time_per_tick;
	sbi_set_timer(hart->timer_deadline);
	w_sie(SIE_STIE | SIE_SSIE | SIE_SEIE);
}

uint64_t timer_uptime_ticks(void)
{
	return r_time() / timer_time_per_tick;
}

int timer_tick_if_due(void)
{
	struct hart *hart = this_hart();
	uint64_t now = r_time();
	if (now < hart->timer_deadline)
		return 0;
	/* Schedule from now, not from the old deadline, so a slow hart does not fall behind. */
	hart->timer_deadline = now + timer_time_per_tick;
	sbi_set_timer(hart->timer_deadline);
	ipc_tick(timer_uptime_ticks());
	return 1;
}
