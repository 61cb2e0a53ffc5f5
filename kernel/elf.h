/*
 * Loading ELF executables into a new address space. Only what the RISC-V
 * user programs need: 64-bit little-endian ET_EXEC files for EM_RISCV,
 * whose PT_LOAD segments are loaded at their virtual addresses.
 */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H

#include <stdint.h>
#include "proc.h"

/* Loads image into root and sets *entry. Returns 0, -E_NOEXEC for a bad image, -E_NOMEM or -E_FAULT. */
int elf_load(pte_t *root, const struct image_source *image, uint64_t *entry);

#endif
