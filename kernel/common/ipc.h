/*
 * The message-passing interface between processes: the message layout and
 * the flags and constants of the IPC kernel calls. docs/ipc.md gives the
 * exact semantics of each call.
 */
#ifndef COMMON_IPC_H
#define COMMON_IPC_H

#include <stdint.h>

/* Payload bytes a message can carry: header plus payload make 256 bytes. */
#define IPC_PAYLOAD_MAX 240
/* Messages a receive queue holds (one page of 256-byte messages). */
#define IPC_QUEUE_LENGTH 16

/* recv(from, ...): a pid, IPC_ANY for anyone, or IPC_KERNEL for notifications only. */
#define IPC_ANY (-1)
#define IPC_KERNEL 0 /* the sender of notifications: no process has pid 0 */

/* Flags for send and recv. */
#define IPC_NONBLOCK 1 /* fail with -E_AGAIN instead of waiting */

/* The type of the message recv() returns for pending notifications. */
#define MSG_NOTIFY (-1)

/* Notification bits the kernel itself raises; bits 0..47 are free for programs. */
#define NOTIFY_ALARM (1UL << 63)        /* an alarm() has expired */
#define NOTIFY_CHILD_EXITED (1UL << 62) /* a child has exited: wait() will not block */
#define NOTIFY_IRQ (1UL << 61)          /* an interrupt the process registered for is pending */
#define NOTIFY_KERNEL_BITS (0xffffUL << 48)

/* Aligned to 8 bytes so that the kernel can copy it a word at a time. */
struct message {
	int32_t sender; /* stamped by the kernel: the sending pid, or IPC_KERNEL */
	int32_t type;   /* chosen by the sender; negative types belong to the kernel */
	uint32_t size;  /* payload bytes in use, at most IPC_PAYLOAD_MAX */
	uint32_t reserved;
	uint8_t payload[IPC_PAYLOAD_MAX];
} __attribute__((aligned(8)));

#define IPC_HEADER_SIZE 16

#endif
