#ifndef USER_MEMMOVE_H
#define USER_MEMMOVE_H

#include <stddef.h>

/* Copies n bytes from src to dst, which may overlap. Returns dst. */
void *memmove(void *dst, const void *src, size_t n);

#endif
