/*
 * Privileges: what a process may do beyond computing and talking to other
 * processes. Each process gets a set when it is created, never more than
 * its creator holds, and keeps it for life. The kernel checks them on
 * every privileged call and every send; docs/syscalls.md lists which call
 * needs which bit.
 */
#ifndef COMMON_PRIVILEGES_H
#define COMMON_PRIVILEGES_H

#define PRIV_SPAWN (1U << 0)       /* create processes (spawn) */
#define PRIV_KILL (1U << 1)        /* end other processes (kill) */
#define PRIV_DEVICE (1U << 2)      /* map device registers, own interrupts: a driver */
#define PRIV_SEND_CLOSED (1U << 3) /* may send to closed processes */
/*
 * Not a power but a wall: only holders of PRIV_SEND_CLOSED may send, call
 * or notify a closed process. Drivers that only servers should reach are
 * created closed; replies to a closed process's calls always get through.
 */
#define PRIV_CLOSED (1U << 4)

#define PRIV_ALL (PRIV_SPAWN | PRIV_KILL | PRIV_DEVICE | PRIV_SEND_CLOSED | PRIV_CLOSED)
#define PRIV_NONE 0U

#endif
