package io.mqchat.server.cli;

import io.mqchat.config.ConfigException;
import io.mqchat.extension.MqchatExtension;
import io.mqchat.server.devsecret.DevSecretFile;
import io.mqchat.server.settings.ServerSettingsLoader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mqchat} command line: {@code run} (the default), {@code token}, {@code chat} and {@code keys}. Runs a
 * command and answers its exit code; it never exits the process itself, so tests drive it in-process.
 */
@Command(name = "mqchat", mixinStandardHelpOptions = true, versionProvider = MqchatCli.Version.class,
        description = "A chat backend that is an MQTT broker.",
        footer = {"", "Configuration: --config FILE, else $MQCHAT_CONFIG, else ./mqchat.properties",
                "if present; MQCHAT_* environment variables override it (see: mqchat keys)."})
public final class MqchatCli {

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private MqchatCli() {
    }

    /** Runs {@code args} with nothing to read from the terminal, and answers the exit code (see {@link ExitCodes}). */
    public static int execute(String[] args, ProcessContext context) {
        return execute(args, context, new LocalTerminal(InputStream.nullInputStream(), ZoneOffset.UTC));
    }

    /** Runs {@code args}, {@code chat} reading what is typed in {@code terminal}, and answers the exit code. */
    public static int execute(String[] args, ProcessContext context, LocalTerminal terminal) {
        ServerSettingsLoader settings = new ServerSettingsLoader(context.env(), context.workingDir(),
                new DevSecretFile(new SecureRandom()));
        CommandLine cli = new CommandLine(new MqchatCli())
                .addSubcommand(new RunCommand(settings, context))
                .addSubcommand(new TokenCommand(settings, context))
                .addSubcommand(new ChatCommand(settings, context, terminal))
                .addSubcommand(new KeysCommand(context))
                .setOut(new PrintWriter(context.out(), true))
                .setErr(new PrintWriter(context.err(), true))
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, context));
        return cli.execute(withDefaultCommand(args));
    }

    /** {@code mqchat} and {@code mqchat --config x} mean {@code mqchat run ...}. */
    private static String[] withDefaultCommand(String[] args) {
        if (args.length > 0 && (!args[0].startsWith("-") || TOP_LEVEL_OPTIONS.contains(args[0]))) {
            return args;
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }

    private static int report(Exception e, ProcessContext context) {
        if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
            context.err().println("mqchat: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        if (e instanceof StartupException || e instanceof IllegalStateException) {
            context.err().println("mqchat: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (e instanceof UncheckedIOException) {
            context.err().println("mqchat: " + e.getMessage() + ": " + e.getCause().getMessage());
            return ExitCodes.FAILED;
        }
        LoggerFactory.getLogger(MqchatCli.class).error("mqchat failed", e);
        return ExitCodes.FAILED;
    }

    /** The version the extension reports to the broker. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mqchat " + MqchatExtension.VERSION};
        }
    }
}
