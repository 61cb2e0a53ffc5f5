/*
 * Kernel call numbers, and the constants and structs that calls share with
 * programs: the contract between user/lib/syscall.c and kernel/syscall.c. A
 * program puts the number in a7, arguments in a0..a5, executes ecall, and
 * finds the result in a0. docs/syscalls.md describes each.
 */
#ifndef COMMON_SYSCALL_NUMBERS_H
#define COMMON_SYSCALL_NUMBERS_H

#include <stdint.h>

#define SYS_EXIT 0
#define SYS_GETPID 1
#define SYS_YIELD 2
#define SYS_SLEEP 3
#define SYS_UPTIME 4
#define SYS_CONSOLE_WRITE 5
#define SYS_CONSOLE_READ 6
#define SYS_SPAWN 7
#define SYS_WAIT 8
#define SYS_SEND 9
#define SYS_RECV 10
#define SYS_CALL 11
#define SYS_REPLY 12
#define SYS_REPLY_RECV 13
#define SYS_NOTIFY 14
#define SYS_ALARM 15
#define SYS_KILL 16
#define SYS_MAP_PAGES 17
#define SYS_SHARE_PAGES 18
#define SYS_MAP_DEVICE 19
#define SYS_IRQ_REGISTER 20
#define SYS_IRQ_ACK 21
#define SYS_TRACE 22
#define SYS_SYSINFO 23
#define SYS_BACKTRACE 24
#define SYS_PGTABLE_PRINT 25

/* A new call also needs its name in syscall_names (kernel/syscall.c), which trace prints. */
#define SYSCALL_COUNT 26

/* Exit statuses the kernel gives, not the program: killed for a fault, or by kill(). */
#define EXIT_STATUS_FAULT (-1)
#define EXIT_STATUS_KILLED (-2)

/* Clock ticks per second: the unit of sleep() and uptime(). */
#define TICKS_PER_SECOND 100

/* What sysinfo() fills in. */
struct sysinfo {
	uint64_t free_pages; /* 4 KiB pages the kernel can still hand out */
	uint64_t processes;  /* process slots in use: running, waiting, or exited and not yet waited for */
};

#endif
