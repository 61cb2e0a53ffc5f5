# The whole build: kernel, user programs, boot image, host tools, and the
# commands students and instructors type. `make help` lists them.

CPUS ?= 2
MEM ?= 128M
INIT ?= init
# More boot arguments for the kernel, e.g. BOOTARGS="token=abc".
BOOTARGS ?=
# GDB listens on a port derived from your uid, so two users never collide.
GDBPORT ?= $(shell expr `id -u` % 5000 + 25000)

TOOLPREFIX = riscv64-unknown-elf-
CC = $(TOOLPREFIX)gcc
OBJCOPY = $(TOOLPREFIX)objcopy
STRIP = $(TOOLPREFIX)strip
HOSTCC = cc
QEMU = qemu-system-riscv64
PYTHON = /usr/bin/python3

# No floating point: the kernel does not save FP registers (sstatus.FS stays Off).
ARCHFLAGS = -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
CFLAGS = $(ARCHFLAGS) -O2 -g -Wall -Wextra -Werror -ffreestanding -fno-common -nostdlib \
	 -fno-omit-frame-pointer -fno-stack-protector -fno-strict-aliasing -fno-pie -MMD -MP -Ikernel
LDFLAGS = -nostdlib -static -no-pie
LIBGCC = $(shell $(CC) -march=rv64imac -mabi=lp64 -print-libgcc-file-name)
# -MMD: a host tool or test is rebuilt when a header of the code it is built from changes.
HOSTCFLAGS = -O2 -g -Wall -Wextra -Werror -fno-strict-aliasing -Ikernel -MMD -MP

BUILD = build
COMMON_SOURCES = kernel/common/string.c kernel/common/bootimg.c

KERNEL_SOURCES = $(wildcard kernel/*.c kernel/*.S) $(COMMON_SOURCES)
KERNEL_OBJECTS = $(patsubst %,$(BUILD)/%.o,$(KERNEL_SOURCES))

ULIB_SOURCES = $(wildcard user/lib/*.c user/lib/*.S) $(COMMON_SOURCES)
ULIB_OBJECTS = $(patsubst %,$(BUILD)/user-%.o,$(ULIB_SOURCES))
# grade/programs/ holds the test programs, kept with the graders so that doing a lab never edits them.
PROGRAM_SOURCES = $(wildcard user/bin/*.c grade/programs/*.c)
# A server is a folder of C files under user/servers/ that build one program named after the folder.
SERVER_SOURCES = $(wildcard user/servers/*/*.c)
SERVER_NAMES = $(notdir $(patsubst %/,%,$(dir $(SERVER_SOURCES))))
PROGRAMS = $(patsubst %.c,$(BUILD)/%,$(PROGRAM_SOURCES)) $(sort $(patsubst %,$(BUILD)/user/servers/%,$(SERVER_NAMES)))
BOOT_PROGRAMS = $(patsubst $(BUILD)/%,$(BUILD)/stripped/%,$(PROGRAMS))

QEMUOPTS = -machine virt -bios default -kernel kernel/kernel -initrd $(BUILD)/bootimg \
	   -m $(MEM) -smp $(CPUS) -nographic -no-reboot -append "$(strip init=$(INIT) $(BOOTARGS))"

.PHONY: all deps qemu qemu-gdb gdb test host-test bench clean help format format-check compile_commands.json \
	grade starter lab-branches lab-check flake-check
.DEFAULT_GOAL := all
# Keep object files that pattern rules make along the way.
.SECONDARY:

all: kernel/kernel $(BUILD)/bootimg $(PROGRAMS)

help:
	@echo "make qemu [CPUS=n] [MEM=128M] [INIT=name]   build and boot to the shell (Ctrl-A X quits)"
	@echo "make test                                   install what is missing, build, run every test"
	@echo "make qemu-gdb / make gdb                    QEMU waiting for GDB / GDB attached (port $(GDBPORT))"
	@echo "make grade [LAB=name]                       grade one lab (default: this starter's lab, or all)"
	@echo "make starter LAB=name OUT=dir               write the starter for a lab"
	@echo "make lab-branches                           every starter as git branch lab/NAME"
	@echo "make flake-check                            every lab grader 20 times on 2 harts"
	@echo "make bench                                  IPC costs in instructions, to bench/results.json"
	@echo "make deps                                   install the toolchain from Debian packages"
	@echo "make compile_commands.json                  for clangd"
	@echo "make format                                 clang-format every C file"

# Installs the Debian packages the build needs; does nothing when they are there.
deps:
	@sh .ci/install-deps.sh

# Runs deps first when a tool is missing, so a fresh machine needs no extra step.
NEEDS_DEPS = $(shell sh .ci/install-deps.sh --check >/dev/null 2>&1 || echo deps)

# ---- kernel ----

kernel/kernel: $(NEEDS_DEPS) $(KERNEL_OBJECTS) kernel/kernel.ld
	$(CC) $(LDFLAGS) -T kernel/kernel.ld -o $@ $(KERNEL_OBJECTS) $(LIBGCC)

$(BUILD)/kernel/%.c.o: kernel/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/kernel/%.S.o: kernel/%.S
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

# ---- user programs and the boot image ----

$(BUILD)/user-%.c.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Iuser -c -o $@ $<

$(BUILD)/user-%.S.o: %.S
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/user/%: $(BUILD)/user-user/%.c.o $(ULIB_OBJECTS) user/user.ld
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -T user/user.ld -o $@ $< $(ULIB_OBJECTS) $(LIBGCC)

$(BUILD)/grade/programs/%: $(BUILD)/user-grade/programs/%.c.o $(ULIB_OBJECTS) user/user.ld
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -T user/user.ld -o $@ $< $(ULIB_OBJECTS) $(LIBGCC)

server_objects = $(patsubst %.c,$(BUILD)/user-%.c.o,$(wildcard user/servers/$(1)/*.c))
.SECONDEXPANSION:
$(BUILD)/user/servers/%: $$(call server_objects,$$*) $(ULIB_OBJECTS) user/user.ld
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -T user/user.ld -o $@ $(filter %.o,$^) $(LIBGCC)

# The boot image holds stripped copies; build/user/ keeps the symbols for GDB.
$(BUILD)/stripped/%: $(BUILD)/%
	@mkdir -p $(dir $@)
	$(STRIP) -o $@ $<

$(BUILD)/bootimg: $(BUILD)/mkbootimg $(BOOT_PROGRAMS)
	$(BUILD)/mkbootimg $@ $(BOOT_PROGRAMS)

$(BUILD)/mkbootimg: mkfs/mkbootimg.c kernel/common/bootimg.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ mkfs/mkbootimg.c

# ---- running ----

qemu: $(NEEDS_DEPS) all
	@echo "Booting on $(CPUS) harts with $(MEM) of RAM; quit with Ctrl-A X."
	$(QEMU) $(QEMUOPTS)

qemu-gdb: $(NEEDS_DEPS) all
	@echo "QEMU is waiting for GDB on port $(GDBPORT): run 'make gdb' in another terminal."
	$(QEMU) $(QEMUOPTS) -S -gdb tcp:127.0.0.1:$(GDBPORT)

gdb: $(NEEDS_DEPS)
	GDBPORT=$(GDBPORT) gdb-multiarch -q -iex 'set auto-load safe-path $(CURDIR)'

# ---- tests ----

HOST_TESTS = $(BUILD)/host/format_test $(BUILD)/host/bootimg_test $(BUILD)/host/fdt_test \
	     $(BUILD)/host/ipc_queue_test

$(BUILD)/host/format_test: mkfs/tests/format_test.c mkfs/tests/check.c user/lib/format.c
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -Iuser -o $@ $^

$(BUILD)/host/bootimg_test: mkfs/tests/bootimg_test.c mkfs/tests/check.c kernel/common/bootimg.c
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ $^

$(BUILD)/host/ipc_queue_test: mkfs/tests/ipc_queue_test.c mkfs/tests/check.c kernel/ipc_queue.c
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ $^

$(BUILD)/host/fdt_test: mkfs/tests/fdt_test.c mkfs/tests/check.c kernel/fdt.c
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ $^

host-test: $(HOST_TESTS) $(BUILD)/mkbootimg

test: $(NEEDS_DEPS) all host-test format-check lab-check
	$(PYTHON) -m pytest -n 2 grade labs

# ---- labs ----

# make grade [LAB=name]: one lab, or the lab this starter is for, or (in the reference) every lab.
grade: $(NEEDS_DEPS) all
	$(PYTHON) grade/grade.py $(LAB)

# make starter LAB=name OUT=dir: the starter for one lab, written to a new directory.
starter:
	@test -n "$(LAB)" -a -n "$(OUT)" || { echo "usage: make starter LAB=name OUT=dir"; exit 2; }
	$(PYTHON) labs/labtool.py starter $(LAB) $(OUT)

# Every starter as a git branch lab/NAME, each grown from the one before (labs/README.md).
lab-branches:
	$(PYTHON) labs/labtool.py branches

lab-check:
	$(PYTHON) labs/labtool.py check

# Every lab's grader 20 times in a row on 2 harts; stops at the first failure.
flake-check: $(NEEDS_DEPS) all
	$(PYTHON) grade/flake_check.py 20

# IPC and system-call costs in guest instructions (-icount shift=0), to bench/results.json.
bench: $(NEEDS_DEPS) all
	$(PYTHON) bench/run.py

clean:
	rm -rf $(BUILD) kernel/kernel compile_commands.json

C_FILES = $(shell find kernel user mkfs grade/programs -name '*.[ch]' 2>/dev/null)

format:
	clang-format -i $(C_FILES)

# Fails if any C file differs from what `make format` would make of it.
format-check:
	@clang-format --dry-run -Werror $(C_FILES)

# One entry per C file, with the flags the build uses, so clangd finds every header.
compile_commands.json:
	@( echo '['; \
	  for f in $(KERNEL_SOURCES) $(ULIB_SOURCES) $(PROGRAM_SOURCES) $(SERVER_SOURCES); do \
	    echo "{\"directory\": \"$(CURDIR)\", \"file\": \"$$f\", \"command\": \"$(CC) $(CFLAGS) -Iuser -c $$f\"},"; \
	  done; \
	  echo "{\"directory\": \"$(CURDIR)\", \"file\": \"mkfs/mkbootimg.c\", \"command\": \"$(HOSTCC) $(HOSTCFLAGS) -c mkfs/mkbootimg.c\"}"; \
	  echo ']' ) > $@
	@echo "wrote $@"

PROGRAM_OBJECTS = $(patsubst %,$(BUILD)/user-%.o,$(PROGRAM_SOURCES) $(SERVER_SOURCES))
-include $(KERNEL_OBJECTS:.o=.d) $(ULIB_OBJECTS:.o=.d) $(PROGRAM_OBJECTS:.o=.d) $(HOST_TESTS:=.d) $(BUILD)/mkbootimg.d
