/*
 * Names for the error codes in errors.h, for messages that people read.
 * The kernel reports errors as numbers; only user space needs their names.
 */
#include "common/errors.h"

static const char *const error_names[] = {
	[0] = "OK",
	[E_INVAL] = "E_INVAL",
	[E_FAULT] = "E_FAULT",
	[E_NOSYS] = "E_NOSYS",
	[E_NOMEM] = "E_NOMEM",
	[E_CHILD] = "E_CHILD",
	[E_NOEXEC] = "E_NOEXEC",
	[E_2BIG] = "E_2BIG",
	[E_SRCH] = "E_SRCH",
	[E_DEAD] = "E_DEAD",
	[E_AGAIN] = "E_AGAIN",
	[E_DEADLK] = "E_DEADLK",
	[E_TIMEDOUT] = "E_TIMEDOUT",
	[E_PERM] = "E_PERM",
};

const char *error_name(long code)
{
	if (code < 0)
		code = -code;
	if (code >= (long)(sizeof(error_names) / sizeof(error_names[0])) || error_names[code] == 0)
		return "?";
	return error_names[code];
}
