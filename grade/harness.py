#!/usr/bin/python3
"""The shared grading harness: boot QEMU, talk to the console, wait for patterns.

Every wait has a timeout, multiplied by the environment variable
GRADE_TIMEOUT_SCALE (default 1) for slow machines. A kernel panic ends any
wait at once with the transcript and a backtrace turned into file:line.
Tests should look for lines, never whole screens: output from several harts
and processes interleaves.
"""

import os
import re
import secrets
import signal
import socket
import subprocess
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL = os.path.join(ROOT, "kernel", "kernel")
BOOT_IMAGE = os.path.join(ROOT, "build", "bootimg")
TIMEOUT_SCALE = float(os.environ.get("GRADE_TIMEOUT_SCALE", "1"))

PANIC_PATTERN = re.compile(r"^panic: ", re.MULTILINE)
PANIC_END_PATTERN = re.compile(r"^panic: the kernel has stopped", re.MULTILINE)
BACKTRACE_LINE = re.compile(r"^\s+#(\d+) (0x[0-9a-f]+)\s*$", re.MULTILINE)


def scaled(seconds):
    return seconds * TIMEOUT_SCALE


class BootFailure(AssertionError):
    """A wait failed: the message carries the reason and the transcript's tail."""


def symbolize_backtrace(transcript):
    """Returns the backtrace lines of a panic with each address as function at file:line."""
    lines = []
    for match in BACKTRACE_LINE.finditer(transcript):
        result = subprocess.run(
            ["riscv64-unknown-elf-addr2line", "-e", KERNEL, "-f", "-p", "-C", match.group(2)],
            capture_output=True, text=True)
        where = result.stdout.strip() or "?"
        lines.append(f"  #{match.group(1)} {match.group(2)} in {where}")
    return "\n".join(lines)


def free_tcp_port():
    """Returns a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_is_listening(port):
    """Whether something on this machine listens on TCP port (read from /proc/net/tcp, state 0A)."""
    with open("/proc/net/tcp") as table:
        for row in table.readlines()[1:]:
            fields = row.split()
            if int(fields[1].split(":")[1], 16) == port and fields[3] == "0A":
                return True
    return False


def wait_for_listening_port(port, timeout=20):
    deadline = time.monotonic() + scaled(timeout)
    while not port_is_listening(port):
        if time.monotonic() > deadline:
            raise BootFailure(f"nothing listened on port {port} within {scaled(timeout):.0f}s")
        time.sleep(0.1)


def qemu_command(init="init", cpus=2, memory="128M", bootargs="", extra=()):
    """The QEMU command line `make qemu` uses (see QEMUOPTS in the Makefile), plus extra options."""
    return ["qemu-system-riscv64", "-machine", "virt", "-bios", "default",
            "-kernel", KERNEL, "-initrd", BOOT_IMAGE, "-m", memory, "-smp", str(cpus),
            "-nographic", "-no-reboot", "-append", f"init={init} {bootargs}".strip(), *extra]


class Machine:
    """One QEMU run. Its console output accumulates in .transcript."""

    def __init__(self, name, command, cwd=ROOT):
        self.name = name
        self.command = command
        self.transcript = ""
        self._changed = threading.Condition()
        self._process = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True)
        self._reader = threading.Thread(target=self._read_output, daemon=True)
        self._reader.start()

    def _read_output(self):
        while True:
            chunk = os.read(self._process.stdout.fileno(), 4096)
            with self._changed:
                if chunk:
                    self.transcript += chunk.decode("utf-8", errors="replace").replace("\r", "")
                else:
                    self._process.wait()
                self._changed.notify_all()
            if not chunk:
                return

    def running(self):
        return self._process.poll() is None

    def _fail(self, reason):
        tail = self.transcript[-4000:]
        message = f"{reason}\n--- console of {self.name} (last 4000 characters) ---\n{tail}"
        if PANIC_PATTERN.search(self.transcript):
            message += "\n--- kernel backtrace ---\n" + symbolize_backtrace(self.transcript)
        raise BootFailure(message)

    def _check_panic(self):
        if PANIC_PATTERN.search(self.transcript):
            # Give the kernel a moment to finish printing its backtrace.
            deadline = time.monotonic() + scaled(2)
            while not PANIC_END_PATTERN.search(self.transcript) and time.monotonic() < deadline:
                self._changed.wait(0.1)
            self._fail("the kernel panicked")

    def wait_for(self, pattern, timeout=20):
        """Waits until the regex (multi-line mode) matches somewhere in the transcript; returns the match."""
        regex = re.compile(pattern, re.MULTILINE)
        deadline = time.monotonic() + scaled(timeout)
        with self._changed:
            while True:
                self._check_panic()
                match = regex.search(self.transcript)
                if match:
                    return match
                if not self.running() and not self._reader.is_alive():
                    self._fail(f"QEMU exited before the console showed /{pattern}/")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._fail(f"timed out after {scaled(timeout):.0f}s waiting for /{pattern}/")
                self._changed.wait(min(remaining, 0.5))

    def wait_for_exit(self, timeout=20):
        """Waits for QEMU to exit by itself (the kernel shuts down when no process is left)."""
        deadline = time.monotonic() + scaled(timeout)
        with self._changed:
            while self.running() or self._reader.is_alive():
                self._check_panic()
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._fail(f"timed out after {scaled(timeout):.0f}s waiting for QEMU to exit")
                self._changed.wait(min(remaining, 0.5))
            self._check_panic()

    def lines(self, pattern):
        """Every complete console line that the regex matches (re.search), in order."""
        regex = re.compile(pattern)
        return [line for line in self.transcript.split("\n") if regex.search(line)]

    def send(self, text):
        """Types text on the console."""
        self._process.stdin.write(text.encode())
        self._process.stdin.flush()

    def shell(self, line, timeout=20):
        """Types line and Enter at a fresh shell prompt: it waits for one more
        prompt than the commands typed so far, so that the console's echo of
        the typing never lands in the middle of earlier output."""
        self._commands_typed = getattr(self, "_commands_typed", 0)
        prompt = re.compile(r"^\$ ", re.MULTILINE)
        deadline = time.monotonic() + scaled(timeout)
        with self._changed:
            while len(prompt.findall(self.transcript)) <= self._commands_typed:
                self._check_panic()
                if not self.running():
                    self._fail(f"QEMU exited before a prompt for {line!r}")
                if time.monotonic() > deadline:
                    self._fail(f"timed out after {scaled(timeout):.0f}s waiting for a prompt for {line!r}")
                self._changed.wait(0.5)
        self._commands_typed = len(prompt.findall(self.transcript))
        self.send(line + "\r")

    def close(self):
        if self.running():
            try:
                os.killpg(self._process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass  # QEMU powered off on its own just now

        self._process.wait()
        self._reader.join(timeout=5)


def boot(name, init="init", cpus=2, memory="128M", bootargs="", extra=(), token=False):
    """Starts QEMU with the given boot program and machine size.

    With token=True the boot arguments carry a fresh random token=..., which
    the kernel hands to the first program and self-checking test programs
    repeat in their verdict (machine.token holds it); a lab grader insists
    on it, so a transcript made earlier cannot pass."""
    machine_token = "token=" + secrets.token_hex(8) if token else ""
    machine = Machine(name, qemu_command(init=init, cpus=cpus, memory=memory,
                                         bootargs=f"{machine_token} {bootargs}".strip(), extra=extra))
    machine.token = machine_token
    return machine


def free_pages_at_boot(machine):
    """The free-page count the kernel reports at boot."""
    return int(machine.wait_for(r"^kernel: (\d+) pages free$").group(1))


def assert_nothing_leaked(machine, pages_at_boot):
    """When the last process exits, every page must be back with the allocator."""
    match = machine.wait_for(r"^kernel: no processes left, shutting down with (\d+) pages free$")
    assert int(match.group(1)) == pages_at_boot, "pages were leaked"
    machine.wait_for_exit()


def passed_with_token(machine, program, timeout=60, explain=None):
    """Waits for a self-checking test program's verdict (user/lib/selfcheck.h) and fails unless it is
    OK and carries this boot's token (boot with token=True). On FAILED the message is the lines
    matching explain (default: the program's FAIL lines)."""
    verdict = machine.wait_for(rf"^{program}: (OK|FAILED) \(\d+ failures\)(.*)\n", timeout=timeout)
    assert verdict.group(1) == "OK", "\n".join(machine.lines(explain or rf"^{program}: FAIL "))
    assert verdict.group(2).strip() == machine.token, "the verdict does not carry this boot's token"


def checks_passed(machine, program, timeout=60):
    """Waits for a self-checking test program's verdict ("NAME: OK" or "NAME: FAILED"), fails
    with every check it marked WRONG, and returns how many of its checks printed "ok"."""
    machine.wait_for(rf"^{program}: (OK|FAILED)", timeout=timeout)
    wrong = machine.lines(r"WRONG|expected")
    assert not wrong, "\n".join(wrong)
    return len(machine.lines(rf"^{program}: .*: (got .*, )?ok$"))
