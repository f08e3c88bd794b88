package io.mqchat.presence.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a command so that it ends soon after the JVM that started it dies, even by {@code kill -9}.
 *
 * <p>A {@code /bin/sh} wrapper starts a small watcher in the background and then {@code exec}s the command, so the
 * JVM's child process <em>is</em> the command (same pid, same stdout and stderr): stopping it and reading its output
 * work as without the wrapper. The watcher reads the command's stdin, a pipe whose only writer is the JVM. The kernel
 * closes that pipe when the JVM dies, however it dies; the JVM also closes it after it has reaped the command. So at
 * end of file the watcher sends SIGTERM if the command is still there (the JVM died), and SIGKILL if it is still
 * there ten seconds later; otherwise it just ends. No polling, and no pid of the JVM that could be reused.
 *
 * <p>Where there is no {@code /bin/sh} (Windows) the command runs unwrapped.
 */
final class ParentWatch {

    private static final Path SHELL = Path.of("/bin/sh");

    // $$ is the wrapper's pid, which exec hands to the command. fd 3 keeps the pipe for the watcher, whose own
    // stdin, stdout and stderr must not hold the command's pipes. kill -0 also succeeds on a zombie nobody reaps,
    // hence the bound on the wait.
    private static final String SCRIPT = String.join("\n",
            "exec 3<&0",
            "(",
            "  while read -r _; do :; done <&3",
            "  kill -0 $$ 2>/dev/null || exit 0",
            "  kill -TERM $$",
            "  n=0",
            "  while kill -0 $$ 2>/dev/null; do",
            "    n=$((n + 1))",
            "    if [ $n -gt 10 ]; then kill -KILL $$; exit 0; fi",
            "    sleep 1",
            "  done",
            ") </dev/null >/dev/null 2>&1 &",
            "exec 3<&-",
            "exec \"$@\"");

    private ParentWatch() {
    }

    /** {@code command} run through the watching wrapper, or unchanged where there is no POSIX shell. */
    static List<String> wrap(List<String> command) {
        if (!Files.isExecutable(SHELL)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(SHELL.toString(), "-c", SCRIPT, "parent-watch"));
        wrapped.addAll(command);
        return wrapped;
    }
}
