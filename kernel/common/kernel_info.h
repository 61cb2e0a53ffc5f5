/*
 * The kernel-info page: one read-only page the kernel maps into every
 * process at KERNEL_INFO_ADDRESS, holding facts a program would otherwise
 * need a kernel call for. The library's getpid() and uptime() read it, so
 * they cost a load instead of a trap. docs/memory.md shows where it sits.
 */
#ifndef COMMON_KERNEL_INFO_H
#define COMMON_KERNEL_INFO_H

#include <stdint.h>

#define KERNEL_INFO_ADDRESS 0x3800000000UL

struct kernel_info {
	uint64_t pid;           /* the process's own pid: it never changes */
	uint64_t time_per_tick; /* time CSR counts per clock tick: uptime = time / time_per_tick */
};

#endif
