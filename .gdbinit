# GDB setup for the kernel, loaded by `make gdb` (which allows this file
# with -iex 'set auto-load safe-path'). It loads the kernel's symbols and
# connects to the QEMU that `make qemu-gdb` started, on the port derived
# from your uid (or $GDBPORT). docs/debugging.md explains the rest.

set confirm off
set pagination off
set architecture riscv:rv64
file kernel/kernel

python
import os
port = os.environ.get("GDBPORT") or str(25000 + os.getuid() % 5000)
print("connecting to QEMU on 127.0.0.1:" + port)
gdb.execute("target remote 127.0.0.1:" + port)
end

# user-symbols NAME: adds the symbols of user program NAME (build/user/bin,
# build/grade/programs or build/user/servers), so you can break in its functions and see its source.
# Every program is linked at the same address, so load one at a time.
python
class UserSymbols(gdb.Command):
    """user-symbols NAME: load the symbols of user program NAME."""

    def __init__(self):
        super().__init__("user-symbols", gdb.COMMAND_FILES)

    def invoke(self, argument, from_tty):
        name = argument.strip()
        for folder in ("build/user/bin", "build/grade/programs", "build/user/servers"):
            path = os.path.join(folder, name)
            if os.path.exists(path):
                gdb.execute("add-symbol-file " + path)
                return
        raise gdb.GdbError("no user program called '%s' in build/user/bin, build/grade/programs or build/user/servers" % name)

UserSymbols()
end
