/*
 * Names for the error codes in errors.h, for messages that people read.
 * Shared by the kernel and the user library.
 */
#include "errors.h"

const char *error_name(long code)
{
	if (code < 0)
		code = -code;
	switch (code) {
	case 0: return "OK";
	case E_INVAL: return "E_INVAL";
	case E_FAULT: return "E_FAULT";
	case E_NOSYS: return "E_NOSYS";
	case E_NOMEM: return "E_NOMEM";
	case E_CHILD: return "E_CHILD";
	case E_NOEXEC: return "E_NOEXEC";
	case E_2BIG: return "E_2BIG";
	default: return "?";
	}
}
