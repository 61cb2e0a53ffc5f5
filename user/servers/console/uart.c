/*
 * A polled transmitter and an interrupt-driven receiver for the 16550
 * UART. Register offsets and bits are those of the classic 16550
 * datasheet; OpenSBI has already set the line speed and format.
 */
#include "lib/syscall.h"
#include "uart.h"

/* Where the console maps the register page in its own address space. */
#define UART_VIRTUAL 0x3000000000UL

#define REG_DATA 0       /* read: received byte; write: byte to send */
#define REG_INTERRUPTS 1 /* interrupt enable */
#define REG_LINE_STATUS 5
#define INTERRUPT_RECEIVED 0x01 /* interrupt when a byte arrives */
#define STATUS_DATA_READY 0x01
#define STATUS_TRANSMIT_EMPTY 0x20

static volatile unsigned char *registers = (volatile unsigned char *)UART_VIRTUAL;

int uart_init(void)
{
	int error = map_device(UART_PHYSICAL, (void *)UART_VIRTUAL);
	if (error < 0)
		return error;
	registers[REG_INTERRUPTS] = INTERRUPT_RECEIVED;
	return 0;
}

int uart_has_input(void)
{
	return registers[REG_LINE_STATUS] & STATUS_DATA_READY;
}

char uart_get(void)
{
	return (char)registers[REG_DATA];
}

void uart_write(const char *bytes, unsigned long length)
{
	for (unsigned long i = 0; i < length; i++) {
		while (!(registers[REG_LINE_STATUS] & STATUS_TRANSMIT_EMPTY))
			;
		registers[REG_DATA] = (unsigned char)bytes[i];
	}
}
