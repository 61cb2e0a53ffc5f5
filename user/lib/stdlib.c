/*
 * stdlib.h's helpers.
 */
#include "stdlib.h"

long atol(const char *s)
{
	int negative = *s == '-';
	if (negative)
		s++;
	long value = 0;
	for (; *s >= '0' && *s <= '9'; s++)
		value = value * 10 + (*s - '0');
	return negative ? -value : value;
}
