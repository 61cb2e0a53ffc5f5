/*
 * The big kernel lock: one hart at a time runs kernel code. User code runs
 * in parallel on every hart; only the short trips through the kernel are
 * serialised. That removes every data race inside the kernel at once.
 */
#ifndef KERNEL_LOCK_H
#define KERNEL_LOCK_H

void kernel_lock(void);
void kernel_unlock(void);

#endif
