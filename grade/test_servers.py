#!/usr/bin/python3
"""Graders for the servers in user space (pm and the console) and the
privileges that guard the kernel: malformed requests get error replies
(grade/programs/badmsg.c), ordinary programs are refused privileged calls and
closed processes are walled off (grade/programs/privtest.c), and the console's
keys (Ctrl-C, Ctrl-P, Ctrl-U, Ctrl-D, backspace) and ps and kill work from
the shell.
"""

import re

import pytest

from harness import assert_nothing_leaked, free_pages_at_boot

# How many "ok" lines each self-checking run prints when every check passes.
BADMSG_CHECKS = 79
PRIVTEST_SHELL_CHECKS = 29
PRIVTEST_INIT_CHECKS = 23

PROCESS_LIST_HEADING = "  PID  PARENT  STATE    NAME"


def boot_to_shell(machines, cpus=2):
    """Boots the full system to its first shell prompt, ready for machine.shell.
    (The kernel brings every hart online before init starts, so none of its
    lines can break into the prompt.)"""
    machine = machines.boot(cpus=cpus)
    machine.wait_for(r"^\$ ")
    return machine


def checks_ok(machine, program, timeout=60):
    """Waits for the verdict of a program that prints "NAME: ok WHAT" per check and
    "NAME: FAIL WHAT: got X, expected Y" per failure; fails with every failure, and
    returns how many checks printed ok. (harness.checks_passed expects "NAME: WHAT: ok".)"""
    machine.wait_for(rf"^{program}: (OK|FAILED)", timeout=timeout)
    failed = machine.lines(rf"^{program}: FAIL ")
    assert not failed, "\n".join(failed)
    return len(machine.lines(rf"^{program}: ok "))


def process_line(name, state="running"):
    return rf"^\s+\d+\s+\d+\s+{state}\s+{re.escape(name)}$"


def ps_listing(machine, marker):
    """Runs ps at a fresh prompt and returns its lines: those between the command and
    the marker that an echo after it prints."""
    machine.shell(f"ps; echo {marker}")
    end = machine.wait_for(rf"^{marker}$").start()
    begin = machine.transcript.rindex(f"ps; echo {marker}", 0, end)
    return machine.transcript[begin:end].split("\n")[1:-1]


def test_malformed_messages_get_errors(machines):
    machine = boot_to_shell(machines)
    machine.shell("badmsg")
    assert checks_ok(machine, "badmsg") == BADMSG_CHECKS
    machine.wait_for(r"^badmsg: OK \(0 failures\)$")
    # After all that, both servers still start programs and print for them.
    machine.wait_for(r"^badmsg: echo still runs$")
    machine.wait_for(r"^badmsg: a direct CONSOLE_WRITE still prints$")
    machine.shell("echo after badmsg")
    machine.wait_for(r"^after badmsg$")


def test_ordinary_programs_are_refused_privileged_calls(machines):
    machine = boot_to_shell(machines)
    machine.shell("privtest")
    assert checks_ok(machine, "privtest") == PRIVTEST_SHELL_CHECKS
    machine.wait_for(r"^privtest: OK \(0 failures\)$")
    machine.wait_for(r"^privtest: echo runs$")


def test_kernel_send_policy_and_page_sharing(machines):
    machine = machines.boot(cpus=2, init="privtest")
    pages = free_pages_at_boot(machine)
    assert checks_ok(machine, "privtest") == PRIVTEST_INIT_CHECKS
    machine.wait_for(r"^privtest: OK \(0 failures\)$")
    assert_nothing_leaked(machine, pages)


def test_ps_and_ctrl_p_list_the_servers(machines):
    machine = boot_to_shell(machines)
    machine.shell("ps")
    for name in ("init", "pm", "console", "sh", "ps"):
        machine.wait_for(process_line(name))
    machine.shell("echo listed")
    machine.wait_for(r"^listed$")
    # Ctrl-P at the prompt: the console asks pm for the same list and prints it itself.
    machine.send("\x10")
    heading = re.escape(PROCESS_LIST_HEADING)
    machine.wait_for(rf"^{heading}$[\s\S]*^{heading}$")
    for name in ("init", "pm", "console", "sh"):
        machine.wait_for(rf"^{heading}$[\s\S]*^{heading}$[\s\S]*{process_line(name)}")
    # ps has exited and the shell has collected it, so pm no longer lists it.
    second_list = machine.transcript[machine.transcript.rindex(PROCESS_LIST_HEADING):]
    assert not re.search(process_line("ps"), second_list, re.MULTILINE), second_list


@pytest.mark.parametrize("cpus", [1, 4])
def test_ctrl_c_stops_a_runaway_program(machines, cpus):
    machine = boot_to_shell(machines, cpus)
    machine.shell("runaway")
    machine.wait_for(r"^runaway: looping forever$")
    machine.send("\x03")
    machine.wait_for(r"^sh: runaway killed$")
    machine.shell("echo still alive")
    machine.wait_for(r"^still alive$")


def test_kill_stops_a_background_program(machines):
    machine = boot_to_shell(machines)
    machine.shell("runaway &")
    pid = int(machine.wait_for(r"^\[(\d+)\]$").group(1))
    # Not at the start of a line: it may print after the next prompt.
    machine.wait_for(r"runaway: looping forever$")
    machine.shell(f"kill {pid}")
    # The kill is done when kill returns, but pm may hear of the exit a moment later.
    for attempt in range(20):
        listing = ps_listing(machine, f"listed-{attempt}")
        if not [line for line in listing if re.search(process_line("runaway"), line)]:
            break
    else:
        pytest.fail("runaway still running after kill:\n" + "\n".join(listing))
    # pm keeps its exit status for its parent, the shell, which has not asked yet.
    assert [line for line in listing if re.search(process_line("runaway", "exited"), line)], listing
    # The shell collects it (pm kept its status for its parent), and then it is gone.
    machine.shell("wait")
    machine.wait_for(rf"^sh: \[{pid}\] exited with status -2$")
    listing = ps_listing(machine, "after-wait")
    assert not [line for line in listing if line.endswith(" runaway")], "\n".join(listing)
    machine.shell("kill 2")
    machine.wait_for(r"^kill: 2: E_PERM$")


def test_line_editing(machines):
    machine = boot_to_shell(machines)
    # Two backspaces (DEL, as terminals send them) take back "cd".
    machine.shell("echo abcd\x7f\x7fxy")
    machine.wait_for(r"^abxy$")
    # Ctrl-U erases the whole line typed so far.
    machine.shell("echo wrong\x15echo right")
    machine.wait_for(r"^right$")
    assert not machine.lines(r"^(abcd|abcdxy|wrong)"), machine.lines(r"^(abcd|wrong)")
    # Ctrl-D on an empty line is the end of input: the shell exits and init starts another.
    # The console echoes nothing for it, so init's line goes on after the old prompt.
    machine.shell("echo last line")
    machine.wait_for(r"^last line\n\$ ")
    machine.send("\x04")
    machine.wait_for(r"^\$ init: the shell exited \(status 0\); starting a new one$")
    machine.wait_for(r"starting a new one\n\$ ")
    machine.shell("echo new shell")
    machine.wait_for(r"^new shell$")
