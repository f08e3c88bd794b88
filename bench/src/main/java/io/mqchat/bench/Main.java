package io.mqchat.bench;

import io.mqchat.bench.cli.BenchCommand;
import picocli.CommandLine;

/** Entry point of {@code mqchat-bench.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = new CommandLine(new BenchCommand()).execute(args);
        // hivemq-mqtt-client's Netty threads are not daemons: without an explicit exit the JVM would stay up.
        System.exit(code);
    }
}
