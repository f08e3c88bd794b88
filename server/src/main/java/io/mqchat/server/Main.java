package io.mqchat.server;

import io.mqchat.server.cli.LocalTerminal;
import io.mqchat.server.cli.MqchatCli;
import io.mqchat.server.cli.ProcessContext;
import io.mqchat.server.shutdown.TerminationSignals;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;

/** Entry point of {@code mqchat-server.jar}: the one place that reads the process's environment. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ProcessContext context = new ProcessContext(System.getenv(), Path.of("").toAbsolutePath(),
                Clock.systemUTC(), new SecureRandom(), System.out, System.err, TerminationSignals::install,
                // The launcher script sets the temp folder at JVM start; this covers a data.dir it could not
                // know (set in the config file) and plain `java -jar`. Nothing has created a temp file yet.
                tmp -> System.setProperty("java.io.tmpdir", tmp.toString()));
        System.exit(MqchatCli.execute(args, context, new LocalTerminal(System.in, ZoneId.systemDefault())));
    }
}
