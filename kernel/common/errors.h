/*
 * The one list of error codes for the whole system.
 * Kernel calls and server RPCs return 0 or a positive value on success and
 * the negative of one of these on failure (for example -E_FAULT).
 * docs/syscalls.md says which call returns which error and why.
 */
#ifndef COMMON_ERRORS_H
#define COMMON_ERRORS_H

#define E_INVAL 1     /* an argument is out of range or malformed */
#define E_FAULT 2     /* a pointer or length names memory the caller may not use */
#define E_NOSYS 3     /* no kernel call has this number */
#define E_NOMEM 4     /* the kernel ran out of pages or process slots */
#define E_CHILD 6     /* wait: the caller has no child that matches */
#define E_NOEXEC 7    /* spawn: the image is not a valid RISC-V ELF executable */
#define E_2BIG 8      /* too big: a message payload, or spawn's argv */
#define E_SRCH 9      /* no process has ever had this pid */
#define E_DEAD 10     /* the process has exited, or exited while the caller waited for it */
#define E_AGAIN 11    /* IPC_NONBLOCK: the call would have to wait */
#define E_DEADLK 12   /* waiting would close a cycle of processes waiting for each other */
#define E_TIMEDOUT 13 /* recv: the timeout passed with no message */
#define E_PERM 14     /* the caller lacks the privilege the call needs */

/* Returns a short name for an error code (positive or negative), "?" if unknown (user/lib/errors.c). */
const char *error_name(long code);

#endif
