/*
 * The ELF loader. The image may sit in kernel memory (init, from the boot
 * image) or in the memory of the process that called spawn(); every read
 * goes through read_image(), which checks bounds, and every header field
 * that could point outside the image or the user half is checked before use.
 * Field layouts: the System V ABI's ELF-64 object file format.
 */
#include "common/bootimg.h"
#include "common/errors.h"
#include "common/string.h"
#include "elf.h"
#include "memlayout.h"
#include "page_alloc.h"

#define ELF_MAGIC "\177ELF"
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define ET_EXEC 2
#define EM_RISCV 243
#define PT_LOAD 1
#define PF_X 1
#define PF_W 2
#define PF_R 4
#define MAX_SEGMENTS 16

struct elf_header {
	uint8_t ident[16];
	uint16_t type;
	uint16_t machine;
	uint32_t version;
	uint64_t entry;
	uint64_t phoff;
	uint64_t shoff;
	uint32_t flags;
	uint16_t ehsize;
	uint16_t phentsize;
	uint16_t phnum;
	uint16_t shentsize;
	uint16_t shnum;
	uint16_t shstrndx;
};

struct elf_segment {
	uint32_t type;
	uint32_t flags;
	uint64_t offset;
	uint64_t vaddr;
	uint64_t paddr;
	uint64_t filesz;
	uint64_t memsz;
	uint64_t align;
};

/* Copies length bytes at offset in the image to dst. Returns 0, -E_NOEXEC if out of bounds, or -E_FAULT. */
static int read_image(const struct image_source *image, uint64_t offset, void *dst, uint64_t length)
{
	if (offset > image->size || length > image->size - offset)
		return -E_NOEXEC;
	if (image->owner_root == 0) {
		memcpy(dst, (const void *)(image->address + offset), length);
		return 0;
	}
	return vm_copy_in(image->owner_root, dst, image->address + offset, length);
}

static int check_header(const struct elf_header *header)
{
	if (memcmp(header->ident, ELF_MAGIC, 4) != 0 || header->ident[4] != ELFCLASS64 ||
	    header->ident[5] != ELFDATA2LSB || header->type != ET_EXEC || header->machine != EM_RISCV ||
	    header->phentsize != sizeof(struct elf_segment) || header->phnum > MAX_SEGMENTS)
		return -E_NOEXEC;
	return 0;
}

/* Segments must lie between the first user page and the boot image, which sits above them. */
static int check_segment(const struct elf_segment *segment)
{
	if (segment->filesz > segment->memsz || segment->vaddr < USER_TEXT_START ||
	    segment->memsz > BOOTIMG_USER_ADDRESS || segment->vaddr > BOOTIMG_USER_ADDRESS - segment->memsz)
		return -E_NOEXEC;
	return 0;
}

static uint64_t segment_page_flags(const struct elf_segment *segment)
{
	uint64_t flags = PTE_U;
	if (segment->flags & PF_R)
		flags |= PTE_R;
	if (segment->flags & PF_W)
		flags |= PTE_R | PTE_W; /* write without read is a reserved encoding (§4.4.1) */
	if (segment->flags & PF_X)
		flags |= PTE_X;
	return flags;
}

/* Maps fresh pages for one segment and copies its file bytes into them. */
static int load_segment(pte_t *root, const struct image_source *image, const struct elf_segment *segment)
{
	uint64_t start = segment->vaddr & ~(PAGE_SIZE - 1);
	uint64_t end = segment->vaddr + segment->memsz;
	for (uint64_t page_va = start; page_va < end; page_va += PAGE_SIZE) {
		uint8_t *page = page_alloc();
		if (page == 0)
			return -E_NOMEM;
		int error = vm_map_page(root, page_va, virt_to_phys(page), segment_page_flags(segment));
		if (error < 0) {
			page_free(page);
			return error == -E_INVAL ? -E_NOEXEC : error; /* -E_INVAL: segments overlap */
		}
		/* The part of [vaddr, vaddr + filesz) that falls in this page; the rest stays zero. */
		uint64_t copy_start = page_va > segment->vaddr ? page_va : segment->vaddr;
		uint64_t copy_end = page_va + PAGE_SIZE;
		if (copy_end > segment->vaddr + segment->filesz)
			copy_end = segment->vaddr + segment->filesz;
		if (copy_start < copy_end) {
			uint64_t offset = segment->offset + (copy_start - segment->vaddr);
			error = read_image(image, offset, page + (copy_start - page_va),
					   copy_end - copy_start);
			if (error < 0)
				return error;
		}
	}
	return 0;
}

int elf_load(pte_t *root, const struct image_source *image, uint64_t *entry)
{
	struct elf_header header;
	int error = read_image(image, 0, &header, sizeof(header));
	if (error == 0)
		error = check_header(&header);
	if (error < 0)
		return error;

	int loaded = 0;
	for (int i = 0; i < header.phnum; i++) {
		struct elf_segment segment;
		error = read_image(image, header.phoff + i * sizeof(segment), &segment, sizeof(segment));
		if (error < 0)
			return error;
		if (segment.type != PT_LOAD || segment.memsz == 0)
			continue;
		error = check_segment(&segment);
		if (error == 0)
			error = load_segment(root, image, &segment);
		if (error < 0)
			return error;
		loaded++;
	}
	if (loaded == 0 || header.entry < USER_TEXT_START || header.entry >= BOOTIMG_USER_ADDRESS)
		return -E_NOEXEC;
	*entry = header.entry;
	return 0;
}
