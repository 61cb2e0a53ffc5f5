/*
 * The SBI calling convention (SBI spec §3): extension id in a7, function id
 * in a6, arguments in a0..a5; ecall; error code back in a0, value in a1.
 * Legacy extensions (ids below 0x10) return their value in a0 instead.
 */
#include "sbi.h"

#define SBI_LEGACY_CONSOLE_PUTCHAR 0x01
#define SBI_LEGACY_CONSOLE_GETCHAR 0x02
#define SBI_EXT_TIME 0x54494D45 /* "TIME" */
#define SBI_EXT_IPI 0x735049    /* "sPI" */
#define SBI_EXT_HSM 0x48534D    /* "HSM" */
#define SBI_EXT_SRST 0x53525354 /* "SRST" */

struct sbi_result {
	long error;
	long value;
};

static struct sbi_result sbi_call(long extension, long function, long arg0, long arg1, long arg2)
{
	register long a0 asm("a0") = arg0;
	register long a1 asm("a1") = arg1;
	register long a2 asm("a2") = arg2;
	register long a6 asm("a6") = function;
	register long a7 asm("a7") = extension;
	asm volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a2), "r"(a6), "r"(a7) : "memory");
	struct sbi_result result = { a0, a1 };
	return result;
}

void sbi_console_putchar(char c)
{
	sbi_call(SBI_LEGACY_CONSOLE_PUTCHAR, 0, c, 0, 0);
}

int sbi_console_getchar(void)
{
	return (int)sbi_call(SBI_LEGACY_CONSOLE_GETCHAR, 0, 0, 0, 0).error;
}

void sbi_set_timer(uint64_t time)
{
	sbi_call(SBI_EXT_TIME, 0, (long)time, 0, 0);
}

void sbi_send_ipi(uint64_t hart_mask)
{
	sbi_call(SBI_EXT_IPI, 0, (long)hart_mask, 0, 0);
}

long sbi_hart_start(uint64_t hartid, uint64_t start, uint64_t opaque)
{
	return sbi_call(SBI_EXT_HSM, 0, (long)hartid, (long)start, (long)opaque).error;
}

void sbi_shutdown(void)
{
	sbi_call(SBI_EXT_SRST, 0, 0, 0, 0);
	for (;;)
		;
}
