/*
 * Small helpers from C's stdlib that user programs need.
 */
#ifndef USER_STDLIB_H
#define USER_STDLIB_H

/* Converts a decimal number with an optional leading minus sign; stops at the first non-digit. */
long atol(const char *s);

#endif
