/*
 * The big kernel lock's one word (lock.h has the functions). 0 is free.
 */
#include "lock.h"

volatile int big_kernel_lock;
