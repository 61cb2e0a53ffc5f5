/*
 * The console's UART: QEMU virt's NS16550A at physical 0x10000000,
 * interrupt 10 on the PLIC (docs/memory.md). Only the console server maps it.
 */
#ifndef CONSOLE_UART_H
#define CONSOLE_UART_H

#define UART_PHYSICAL 0x10000000UL
#define UART_IRQ 10

/* Maps the registers and turns on the receive interrupt. Returns 0 or a negative error. */
int uart_init(void);
/* Whether a received byte waits to be read. */
int uart_has_input(void);
/* Takes the next received byte (call only when uart_has_input()). */
char uart_get(void);
/* Sends length bytes, waiting for room in the transmitter as needed. */
void uart_write(const char *bytes, unsigned long length);

#endif
