/*
 * A test-and-set spin lock built on the A extension's amoswap (unprivileged
 * spec chapter 8). Acquire and release ordering (.aq/.rl) keep the kernel's
 * memory accesses inside the critical section.
 */
#include "lock.h"

static volatile int big_kernel_lock;

void kernel_lock(void)
{
	while (__atomic_exchange_n(&big_kernel_lock, 1, __ATOMIC_ACQUIRE) != 0)
		;
}

void kernel_unlock(void)
{
	__atomic_store_n(&big_kernel_lock, 0, __ATOMIC_RELEASE);
}
