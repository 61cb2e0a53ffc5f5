/*
 * Where every user program begins. The kernel enters here with
 * a0 = argc and a1 = argv (on the new stack) and a2 = the name server's
 * pid, or 0 if there is none (docs/servers.md); a program that returns
 * from main exits with main's return value.
 */
.section .text.start
.globl _start
_start:
	li s0, 0      /* no caller frame: debuggers' backtraces stop here */
	la t0, services_pid
	sw a2, 0(t0)
	call main
	call exit
