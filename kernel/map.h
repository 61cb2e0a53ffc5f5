/*
 * Kernel calls that add pages to an address space: fresh memory, pages
 * shared with another process, and device registers for drivers.
 */
#ifndef KERNEL_MAP_H
#define KERNEL_MAP_H

#include "proc.h"

long sys_map_pages(struct proc *p);
long sys_share_pages(struct proc *p);
long sys_map_device(struct proc *p);

#endif
