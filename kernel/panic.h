/*
 * Reporting what went wrong: panics for kernel bugs (never for anything a
 * user program did), and the names of trap causes for fault reports.
 */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

#include <stdint.h>

/* Prints the message, the hart and process, a backtrace, and stops the whole machine. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* Panics for a trap taken in kernel mode; fp is the trapping code's frame pointer (s0). */
void panic_on_trap(uint64_t scause, uint64_t sepc, uint64_t stval, uint64_t fp) __attribute__((noreturn));
/* Prints first_pc (if not 0), then the return addresses of the frame chain that starts at fp. */
void print_backtrace(uint64_t first_pc, uint64_t fp);
/* The privileged spec's name for an scause value (Table 4.2), e.g. "load page fault". */
const char *scause_name(uint64_t scause);

#endif
