/*
 * The process manager's protocol, shared by pm and its client stubs
 * (user/lib/process.c). Every request is a call; the reply's type is the
 * result: 0 or more on success, a negative error code (common/errors.h)
 * on failure. Requests carry no pointers: everything travels in the
 * payload. docs/servers.md describes each request and who may make it.
 */
#ifndef PM_PROTOCOL_H
#define PM_PROTOCOL_H

#include <stdint.h>
#include "common/ipc.h"
#include "common/privileges.h"

enum pm_request_type {
	PM_SPAWN = 1, /* struct pm_spawn -> the new pid */
	PM_WAIT = 2,  /* struct pm_pid (a child, or -1 for any) -> struct pm_exit, when one has exited */
	PM_KILL = 3,  /* struct pm_pid -> 0 */
	PM_LIST =
		4, /* struct pm_pid (a table index, 0 first) -> struct pm_process, or -E_SRCH past the end */
	PM_LOOKUP = 5, /* struct pm_name -> the pid of the server of that name, or -E_SRCH */
};

/*
 * What init gives pm: every privilege but being closed, because the kernel
 * lets pm hand out only privileges that pm holds itself (drivers need PRIV_DEVICE).
 */
#define PM_PRIVILEGES (PRIV_SPAWN | PRIV_KILL | PRIV_DEVICE | PRIV_SEND_CLOSED)

#define PM_NAME_MAX 16
#define PM_ARGS_MAX 16

/* PM_SPAWN: the program's name (in the boot image), then its arguments. */
struct pm_spawn {
	uint64_t trace_mask; /* the kernel traces the child's calls in this mask (docs/syscalls.md) */
	uint32_t privileges; /* PRIV_* for the child; pm refuses any the caller does not hold */
	uint32_t flags;      /* PM_SPAWN_SERVER: the child is a server others may look up by name */
	uint32_t argc;
	char argv_text[IPC_PAYLOAD_MAX -
		       20]; /* name, then argc arguments: NUL-terminated strings, back to back */
};
#define PM_SPAWN_SERVER 1

struct pm_pid {
	int32_t pid;
};

struct pm_exit {
	int32_t pid;
	int32_t status;
};

struct pm_name {
	char name[PM_NAME_MAX]; /* NUL-terminated */
};

enum pm_process_state { PM_RUNNING = 0, PM_EXITED = 1 };

struct pm_process {
	int32_t next_index; /* ask for this index next */
	int32_t pid;
	int32_t parent; /* who asked pm to start it (0: nobody, or gone) */
	int32_t state;  /* enum pm_process_state */
	uint32_t privileges;
	char name[PM_NAME_MAX];
};

#endif
