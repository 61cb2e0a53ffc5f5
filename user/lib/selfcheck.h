/*
 * For self-checking test programs (grade/programs/): each check prints one
 * line, "PROGRAM: ok WHAT" or "PROGRAM: FAIL WHAT: got X, expected Y", and
 * the program ends with a verdict line the graders wait for.
 */
#ifndef USER_SELFCHECK_H
#define USER_SELFCHECK_H

/*
 * Names the program in every line that follows. If one of the arguments is
 * token=..., the verdict repeats it: graders boot with a fresh random token
 * (passed by the kernel from the boot arguments), so a verdict line cannot
 * be prepared in advance.
 */
void selfcheck_start(const char *program, int argc, char **argv);
/* Checks that got equals expected; errors print by name, other values by number. */
void selfcheck(const char *what, long got, long expected);
/* The number of failed checks so far. */
int selfcheck_failures(void);
/* Prints "PROGRAM: OK (0 failures) [token=...]" or "PROGRAM: FAILED (n failures) [token=...]". Returns the
 * failure count. */
int selfcheck_verdict(void);

#endif
