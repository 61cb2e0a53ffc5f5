/*
 * Memory and string functions for freestanding code: the kernel and user
 * programs both link string.c, since neither has a C library underneath.
 * The prototypes match the standard ones so that host builds can use libc.
 */
#ifndef COMMON_STRING_H
#define COMMON_STRING_H

#include <stddef.h>

void *memset(void *dst, int byte, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);

/* Copies at most size-1 bytes of src into dst and always NUL-terminates (size > 0). */
void strlcpy(char *dst, const char *src, size_t size);

#endif
