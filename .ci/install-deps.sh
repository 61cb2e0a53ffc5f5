#!/bin/sh
# Installs the Debian packages the project needs, and nothing when they are
# already there. With --check it only reports (exit 1 if something is missing).
set -e

PACKAGES="gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf qemu-system-misc opensbi gdb-multiarch python3-pytest python3-pexpect python3-pytest-xdist clang-format"

missing() {
	command -v riscv64-unknown-elf-gcc >/dev/null || return 0
	command -v qemu-system-riscv64 >/dev/null || return 0
	command -v gdb-multiarch >/dev/null || return 0
	command -v clang-format >/dev/null || return 0
	[ -e /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin ] || return 0
	/usr/bin/python3 -c 'import pytest, pexpect, xdist' 2>/dev/null || return 0
	return 1
}

if ! missing; then
	[ "$1" = "--check" ] || echo "deps: every tool is installed"
	exit 0
fi
if [ "$1" = "--check" ]; then
	echo "deps: some tools are missing; run 'make deps'"
	exit 1
fi

SUDO=
if [ "$(id -u)" != 0 ]; then
	SUDO=sudo
	echo "deps: not root, so installing with sudo"
fi
echo "deps: installing Debian packages: $PACKAGES"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $PACKAGES
echo "deps: done"
