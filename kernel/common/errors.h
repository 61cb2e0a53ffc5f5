/*
 * The one list of error codes for the whole system.
 * Kernel calls and server RPCs return 0 or a positive value on success and
 * the negative of one of these on failure (for example -E_FAULT).
 * docs/syscalls.md says which call returns which error and why.
 */
#ifndef COMMON_ERRORS_H
#define COMMON_ERRORS_H

#define E_INVAL 1  /* an argument is out of range or malformed */
#define E_FAULT 2  /* a pointer or length names memory the caller may not use */
#define E_NOSYS 3  /* no kernel call has this number */
#define E_NOMEM 4  /* the kernel ran out of pages or process slots */
#define E_CHILD 6  /* wait: the caller has no child that matches */
#define E_NOEXEC 7 /* spawn: the image is not a valid RISC-V ELF executable */
#define E_2BIG 8   /* spawn: argv has too many or too long arguments */

/* Returns a short name for an error code (positive or negative), "?" if unknown. */
const char *error_name(long code);

#endif
