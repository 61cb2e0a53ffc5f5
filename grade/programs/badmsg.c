/*
 * badmsg: run from the shell ("$ badmsg"), as an ordinary program. Sends
 * pm and the console server the requests a careless or hostile client
 * could make, straight with ipc_call rather than through the stubs, and
 * checks that each gets the documented error in its reply and that both
 * servers go on serving. One line per check ("badmsg: ok WHAT"), then
 * "badmsg: OK (0 failures)".
 */
#include <stdint.h>
#include "common/string.h"
#include "lib/console.h"
#include "lib/ipc.h"
#include "lib/process.h"
#include "lib/selfcheck.h"
#include "lib/stdio.h"
#include "lib/syscall.h"
#include "servers/console/console_protocol.h"

#define KERNEL_ADDRESS 0xffffffc080200000UL
#define BOOT_IMAGE_ADDRESS 0x2000000000UL /* mapped read-only into every process */
#define SCRATCH_ADDRESS 0x1800000000UL    /* far from the heap (malloc.c) and the stack */
#define PAGE_SIZE 4096
#define NEVER_A_PID 999999
#define SPAWN_HEADER (sizeof(struct pm_spawn) - sizeof(((struct pm_spawn *)0)->argv_text))

static int pm;
static int console;

/* Calls server with type and the first size bytes of m's payload. Returns the reply's type or the kernel's
 * error. */
static long call_server(int server, struct message *m, int type, uint32_t size)
{
	m->type = type;
	m->size = size;
	int error = ipc_call(server, m);
	return error < 0 ? error : m->type;
}

/* A request whose payload is size zero bytes, so that a wrongly accepted one does no harm (pid 0, index 0).
 */
static long zeroed_request(int server, int type, uint32_t size)
{
	struct message m;
	memset(&m, 0, sizeof(m));
	return call_server(server, &m, type, size);
}

/* A request whose payload is one 32-bit number: a pid, an index, a maximum. */
static long number_request(int server, int type, int32_t number)
{
	struct message m;
	memcpy(m.payload, &number, sizeof(number));
	return call_server(server, &m, type, sizeof(number));
}

static long lookup(const char *name, uint32_t length)
{
	struct message m;
	memset(&m, 0, sizeof(m));
	memcpy(m.payload, name, length);
	return call_server(pm, &m, PM_LOOKUP, sizeof(struct pm_name));
}

/* After each group of bad requests: both servers must still answer a good one. */
static void check_both_serve(const char *after)
{
	char what[96];
	snprintf(what, sizeof(what), "pm still finds the console after %s", after);
	selfcheck(what, lookup("console", sizeof("console")), console);
	snprintf(what, sizeof(what), "the console still takes an empty write after %s", after);
	selfcheck(what, zeroed_request(console, CONSOLE_WRITE, 0), 0);
}

static void check_unknown_types(void)
{
	selfcheck("pm: unknown type 99", zeroed_request(pm, 99, 0), -E_NOSYS);
	selfcheck("pm: type 0", zeroed_request(pm, 0, 0), -E_NOSYS);
	selfcheck("pm: negative type", zeroed_request(pm, -5, 4), -E_NOSYS);
	selfcheck("console: unknown type 99", zeroed_request(console, 99, 0), -E_NOSYS);
	selfcheck("console: type 0", zeroed_request(console, 0, 0), -E_NOSYS);
	check_both_serve("unknown types");
}

static void check_wrong_sizes(void)
{
	selfcheck("PM_WAIT with no payload", zeroed_request(pm, PM_WAIT, 0), -E_INVAL);
	selfcheck("PM_WAIT with 8 bytes", zeroed_request(pm, PM_WAIT, 8), -E_INVAL);
	selfcheck("PM_KILL with no payload", zeroed_request(pm, PM_KILL, 0), -E_INVAL);
	selfcheck("PM_KILL with a full payload", zeroed_request(pm, PM_KILL, IPC_PAYLOAD_MAX), -E_INVAL);
	selfcheck("PM_LIST with 3 bytes", zeroed_request(pm, PM_LIST, 3), -E_INVAL);
	selfcheck("PM_LOOKUP with 15 bytes", zeroed_request(pm, PM_LOOKUP, PM_NAME_MAX - 1), -E_INVAL);
	selfcheck("PM_LOOKUP with 17 bytes", zeroed_request(pm, PM_LOOKUP, PM_NAME_MAX + 1), -E_INVAL);
	selfcheck("PM_SPAWN shorter than its header", zeroed_request(pm, PM_SPAWN, SPAWN_HEADER - 4),
		  -E_INVAL);
	selfcheck("CONSOLE_READ with no payload", zeroed_request(console, CONSOLE_READ, 0), -E_INVAL);
	selfcheck("CONSOLE_READ with 8 bytes", zeroed_request(console, CONSOLE_READ, 8), -E_INVAL);
	selfcheck("CONSOLE_SET_FOREGROUND with no payload",
		  zeroed_request(console, CONSOLE_SET_FOREGROUND, 0), -E_INVAL);
	selfcheck("CONSOLE_SET_FOREGROUND with 5 bytes", zeroed_request(console, CONSOLE_SET_FOREGROUND, 5),
		  -E_INVAL);
	/* Larger than any message: the kernel refuses it before either server sees it. */
	selfcheck("pm: a 241-byte payload", zeroed_request(pm, PM_LOOKUP, IPC_PAYLOAD_MAX + 1), -E_2BIG);
	selfcheck("console: a 241-byte write", zeroed_request(console, CONSOLE_WRITE, IPC_PAYLOAD_MAX + 1),
		  -E_2BIG);
	check_both_serve("wrong sizes");
}

/* A PM_SPAWN of text (length bytes, NULs included) with argc, privileges and flags. */
static long spawn_request(const char *text, uint32_t length, uint32_t argc, uint32_t privileges,
			  uint32_t flags)
{
	struct message m;
	struct pm_spawn *request = (struct pm_spawn *)m.payload;
	request->privileges = privileges;
	request->flags = flags;
	request->argc = argc;
	memcpy(request->argv_text, text, length);
	return call_server(pm, &m, PM_SPAWN, SPAWN_HEADER + length);
}

static void check_bad_spawns(void)
{
	static const char echo[] = "echo\0hi";
	selfcheck("PM_SPAWN with argc 0", spawn_request(echo, sizeof(echo), 0, PRIV_NONE, 0), -E_INVAL);
	char many[2 * (PM_ARGS_MAX + 2)];
	for (int i = 0; i < PM_ARGS_MAX + 2; i++)
		memcpy(many + 2 * i, "x", 2);
	selfcheck("PM_SPAWN with argc 17 and 17 arguments",
		  spawn_request(many, sizeof(many), PM_ARGS_MAX + 1, PRIV_NONE, 0), -E_INVAL);
	selfcheck("PM_SPAWN with a name lacking its NUL", spawn_request("echo", 4, 1, PRIV_NONE, 0),
		  -E_INVAL);
	selfcheck("PM_SPAWN with argc 2 but one argument", spawn_request(echo, sizeof(echo), 2, PRIV_NONE, 0),
		  -E_INVAL);
	char unterminated[sizeof(((struct pm_spawn *)0)->argv_text)];
	memset(unterminated, 'a', sizeof(unterminated));
	memcpy(unterminated, "echo", 5);
	selfcheck("PM_SPAWN whose argument runs to the end of the message",
		  spawn_request(unterminated, sizeof(unterminated), 1, PRIV_NONE, 0), -E_INVAL);
	selfcheck("PM_SPAWN with flag bit 1", spawn_request(echo, sizeof(echo), 1, PRIV_NONE, 2), -E_INVAL);
	selfcheck("PM_SPAWN with flag bit 31", spawn_request(echo, sizeof(echo), 1, PRIV_NONE, 1U << 31),
		  -E_INVAL);
	static const char missing[] = "no-such-program\0no-such-program";
	selfcheck("PM_SPAWN of a program not in the image",
		  spawn_request(missing, sizeof(missing), 1, PRIV_NONE, 0), -E_NOEXEC);
	selfcheck("PM_SPAWN of the empty name", spawn_request("\0x", 3, 1, PRIV_NONE, 0), -E_NOEXEC);
	selfcheck("PM_SPAWN asking for PRIV_DEVICE", spawn_request(echo, sizeof(echo), 1, PRIV_DEVICE, 0),
		  -E_PERM);
	selfcheck("PM_SPAWN asking for PRIV_SEND_CLOSED",
		  spawn_request(echo, sizeof(echo), 1, PRIV_SEND_CLOSED, 0), -E_PERM);
	selfcheck("PM_SPAWN of a server", spawn_request(echo, sizeof(echo), 1, PRIV_NONE, PM_SPAWN_SERVER),
		  -E_PERM);
	check_both_serve("bad spawns");
}

static void check_bad_numbers(void)
{
	selfcheck("PM_LOOKUP of a name lacking its NUL", lookup("consoleconsolecon", PM_NAME_MAX), -E_INVAL);
	selfcheck("PM_LOOKUP of an unknown name", lookup("nobody", sizeof("nobody")), -E_SRCH);
	selfcheck("PM_LOOKUP of the empty name", lookup("", 1), -E_SRCH);
	selfcheck("PM_LOOKUP of pm itself", lookup("pm", sizeof("pm")), pm);
	selfcheck("PM_LIST at index -1", number_request(pm, PM_LIST, -1), -E_INVAL);
	selfcheck("PM_LIST at index INT32_MIN", number_request(pm, PM_LIST, INT32_MIN), -E_INVAL);
	selfcheck("PM_LIST at index 1000000", number_request(pm, PM_LIST, 1000000), -E_SRCH);
	selfcheck("PM_WAIT for pid 0", number_request(pm, PM_WAIT, 0), -E_INVAL);
	selfcheck("PM_WAIT for pid -2", number_request(pm, PM_WAIT, -2), -E_INVAL);
	selfcheck("PM_WAIT for any child with none", number_request(pm, PM_WAIT, -1), -E_CHILD);
	selfcheck("PM_WAIT for init, not our child", number_request(pm, PM_WAIT, 1), -E_CHILD);
	selfcheck("PM_WAIT for pm, not our child", number_request(pm, PM_WAIT, pm), -E_CHILD);
	selfcheck("PM_WAIT for a pid never used", number_request(pm, PM_WAIT, NEVER_A_PID), -E_CHILD);
	selfcheck("PM_KILL of init", number_request(pm, PM_KILL, 1), -E_PERM);
	selfcheck("PM_KILL of pm", number_request(pm, PM_KILL, pm), -E_PERM);
	selfcheck("PM_KILL of the console", number_request(pm, PM_KILL, console), -E_PERM);
	selfcheck("PM_KILL of a pid never used", number_request(pm, PM_KILL, NEVER_A_PID), -E_SRCH);
	selfcheck("PM_KILL of pid 0", number_request(pm, PM_KILL, 0), -E_SRCH);
	selfcheck("PM_KILL of pid -1", number_request(pm, PM_KILL, -1), -E_SRCH);
	selfcheck("CONSOLE_READ of at most 0 bytes", number_request(console, CONSOLE_READ, 0), -E_INVAL);
	selfcheck("CONSOLE_READ of at most 241 bytes",
		  number_request(console, CONSOLE_READ, IPC_PAYLOAD_MAX + 1), -E_INVAL);
	selfcheck("CONSOLE_READ of at most 2^32-1 bytes", number_request(console, CONSOLE_READ, -1),
		  -E_INVAL);
	selfcheck("CONSOLE_SET_FOREGROUND to pid -1", number_request(console, CONSOLE_SET_FOREGROUND, -1),
		  -E_INVAL);
	check_both_serve("bad numbers and names");
}

/*
 * Requests carry no pointers, so a server never touches a client's memory;
 * the one pointer is the message buffer itself, which the kernel checks.
 */
static void check_bad_buffers(void)
{
	static const struct {
		const char *what;
		unsigned long address;
	} buffers[] = {
		{ "a null buffer", 0 },
		{ "a kernel buffer", KERNEL_ADDRESS },
		{ "a buffer in the read-only boot image", BOOT_IMAGE_ADDRESS },
		{ "a buffer running off its page into nothing",
		  SCRATCH_ADDRESS + PAGE_SIZE - IPC_HEADER_SIZE },
	};
	selfcheck("map a scratch page", map_pages((void *)SCRATCH_ADDRESS, PAGE_SIZE), 0);
	memset((void *)SCRATCH_ADDRESS, 0, PAGE_SIZE); /* the header there: type 0, size 0 */
	for (unsigned i = 0; i < sizeof(buffers) / sizeof(buffers[0]); i++) {
		char what[96];
		snprintf(what, sizeof(what), "call pm with %s", buffers[i].what);
		selfcheck(what, ipc_call(pm, (struct message *)buffers[i].address), -E_FAULT);
		snprintf(what, sizeof(what), "call the console with %s", buffers[i].what);
		selfcheck(what, ipc_call(console, (struct message *)buffers[i].address), -E_FAULT);
	}
	check_both_serve("bad buffers");
}

static void check_good_requests_still_work(void)
{
	selfcheck("PM_LOOKUP of console", service_lookup("console"), console);
	selfcheck("the console stub still knows the server", console_server(), console);
	char *argv[] = { "echo", "badmsg:", "echo", "still", "runs", 0 };
	/* Checked after echo exits: it prints a word at a time, so a line of ours could split its line. */
	int pid = spawn("echo", argv);
	int status = -1;
	int waited = wait(pid, &status);
	selfcheck("spawn echo gives a pid", pid > 0, 1);
	selfcheck("wait for echo", waited, pid);
	selfcheck("echo's exit status", status, 0);
	static const char text[] = "badmsg: a direct CONSOLE_WRITE still prints\n";
	struct message m;
	memcpy(m.payload, text, sizeof(text) - 1);
	selfcheck("CONSOLE_WRITE returns its length",
		  call_server(console, &m, CONSOLE_WRITE, sizeof(text) - 1), sizeof(text) - 1);
}

int main(int argc, char *argv[])
{
	selfcheck_start("badmsg", argc, argv);
	pm = services_pid;
	console = service_lookup("console");
	if (pm == 0 || console <= 0) {
		printf("badmsg: run me from the shell: I need pm and the console (got %d, %d)\n", pm,
		       console);
		return 1;
	}
	check_unknown_types();
	check_wrong_sizes();
	check_bad_spawns();
	check_bad_numbers();
	check_bad_buffers();
	check_good_requests_still_work();
	return selfcheck_verdict();
}
