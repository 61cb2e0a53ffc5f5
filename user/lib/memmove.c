/*
 * memmove: a copy whose source and destination may overlap. Only user
 * programs need it (the console server shifts its queues with it), so it
 * lives here and not in the string functions the kernel shares.
 */
#include "memmove.h"

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if (d < s) {
		while (n-- > 0)
			*d++ = *s++;
	} else {
		/* Copy from the end, so bytes are read before they are overwritten. */
		while (n-- > 0)
			d[n] = s[n];
	}
	return dst;
}
