/*
 * The big kernel lock: one hart at a time runs kernel code. User code runs
 * in parallel on every hart; only the short trips through the kernel are
 * serialised. That removes every data race inside the kernel at once.
 *
 * A test-and-set spin lock on the A extension's amoswap (unprivileged spec
 * chapter 8): acquire and release ordering keep the kernel's memory
 * accesses inside the critical section. The functions are inline because
 * every trap takes and drops the lock once.
 */
#ifndef KERNEL_LOCK_H
#define KERNEL_LOCK_H

extern volatile int big_kernel_lock;

static inline void kernel_lock(void)
{
	while (__atomic_exchange_n(&big_kernel_lock, 1, __ATOMIC_ACQUIRE) != 0)
		;
}

static inline void kernel_unlock(void)
{
	__atomic_store_n(&big_kernel_lock, 0, __ATOMIC_RELEASE);
}

#endif
