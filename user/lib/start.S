/*
 * Where every user program begins. The kernel enters here with
 * a0 = argc and a1 = argv (on the new stack); a program that returns from
 * main exits with main's return value.
 */
.section .text.start
.globl _start
_start:
	li s0, 0      /* no caller frame: debuggers' backtraces stop here */
	call main
	call exit
