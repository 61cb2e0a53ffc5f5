/*
 * Processes through the process manager, pm (user/servers/pm): start a
 * program by name, wait for it, stop it, list what runs. When a program
 * runs without pm (a test booted with INIT=), the same calls go straight
 * to the kernel, with the programs from the boot image.
 */
#ifndef USER_PROCESS_H
#define USER_PROCESS_H

#include "servers/pm/pm_protocol.h"

/* pm's pid, which the kernel hands every program at start (start.S); 0 when pm does not run. */
extern int services_pid;

/* Starts program name with argv (argv[0] is usually name). Returns its pid or a negative error. */
int spawn(const char *name, char *const argv[]);
/* The same with privileges (PRIV_*) for the child; flags PM_SPAWN_SERVER registers it as a server. */
int spawn_privileged(const char *name, char *const argv[], unsigned privileges, unsigned flags);
/*
 * The same as spawn, with the kernel tracing the child's calls in trace_mask (trace(), syscall.h).
 * pm's own spawn_image and trace calls print too if they are in the mask (docs/syscalls.md, "Tracing").
 */
int spawn_traced(const char *name, char *const argv[], unsigned long trace_mask);
/* Waits for a child (pid, or -1 for any) to exit. Returns its pid; stores its status if status is not 0. */
int wait(int pid, int *status);
/* Stops process pid; its parent sees EXIT_STATUS_KILLED. */
int kill(int pid);
/* Fills *entry with the first process at table index or after. Returns 0, or -E_SRCH past the end. */
int process_list(int index, struct pm_process *entry);
/* The heading for lines from process_describe. */
#define PROCESS_LIST_HEADING "  PID  PARENT  STATE    NAME\n"
/* Formats entry as one line of a process listing into text (size bytes). */
void process_describe(const struct pm_process *entry, char *text, unsigned long size);
/* The pid of the server started under name, or a negative error. */
int service_lookup(const char *name);

/* Finds program name in the boot image; sets *size. Returns its ELF image, or 0 if there is none. */
const void *boot_image_program(const char *name, unsigned long *size);

#endif
