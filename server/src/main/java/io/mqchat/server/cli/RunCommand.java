package io.mqchat.server.cli;

import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.config.InternalServiceKey;
import io.mqchat.extension.embedded.EmbeddedBroker;
import io.mqchat.server.cluster.ClusterNode;
import io.mqchat.server.logging.ServerLog;
import io.mqchat.server.settings.ClusterSettings;
import io.mqchat.server.observability.ServerObservability;
import io.mqchat.server.preflight.ListenerPorts;
import io.mqchat.server.settings.ServerSettings;
import io.mqchat.server.settings.ServerSettingsLoader;
import io.mqchat.server.shutdown.StopSignal;
import io.mqchat.server.workers.InProcessWorkers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mqchat run}: validates the configuration, starts the broker with the extension, prints what is
 * listening and serves until asked to stop.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the chat server and serve until stopped (Ctrl-C or SIGTERM).")
final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    /** Below the data folder; HiveMQ unpacks RocksDB's native library there on every start. */
    static final String TEMP_FOLDER = "tmp";

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The config file.")
    Path configFile;

    @Option(names = "--verbose", description = "Also print the broker's and the libraries' log lines here (they always "
            + "go to mqchat.log in the data folder).")
    boolean verbose;

    private final ServerSettingsLoader settingsLoader;
    private final ProcessContext context;

    RunCommand(ServerSettingsLoader settingsLoader, ProcessContext context) {
        this.settingsLoader = settingsLoader;
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = settingsLoader.load(configFile);
        List<String> portProblems = ListenerPorts.unavailable(settings.broker());
        if (!portProblems.isEmpty()) {
            throw new StartupException("cannot start: " + String.join("; ", portProblems), null);
        }
        settings.devSecretFile().ifPresent(file -> context.out().println("mqchat: using the development JWT "
                + "secret in " + DisplayPaths.of(file, context.workingDir()) + " (mint tokens with: mqchat token "
                + "<user>); set jwt.secret, jwt.jwks-file or jwt.jwks-url for production"));
        context.tempFolder().accept(createTempFolder(settings.dataDir()));
        // Signs the in-process workers' service tokens, whatever key source users' tokens have (a JWKS has no
        // private key here); only in memory, new each run.
        // A node of a cluster signs with the key all nodes share: the other nodes accept its relays.
        InternalServiceKey serviceKey = settings.cluster().map(ClusterSettings::serviceKey)
                .orElseGet(() -> InternalServiceKey.generate(context.random()));
        // The log comes before everything, so that it closes last: the stop's lines still reach the file.
        // The stop signal is installed before the slow start, so that a Ctrl-C during start still shuts down cleanly.
        // The metrics endpoint comes next, so that health probes see "not ready" while the rest starts.
        try (ServerLog serverLog = openLog(settings.dataDir());
             StopSignal stop = context.stopSignal().get();
             ServerObservability observability = ServerObservability.start(settings.metrics(), settings.stallAfter());
             ClusterNode cluster = ClusterNode.open(settings.cluster());
             EmbeddedBroker broker = start(settings, serviceKey, cluster);
             InProcessWorkers workers = startWorkers(settings, serviceKey)) {
            // HiveMQ logs "Setting default authentication behavior to ALLOW ALL" while it starts; the file says why
            // that is not so.
            log.info("authentication: the mqchat extension checks every CONNECT's token; HiveMQ's allow-all default "
                    + "applies to no client");
            observability.brokerStarted(broker);
            observability.workersStarted(workers);
            workers.summary().forEach(line -> context.out().println("mqchat: " + line));
            observability.url(settings.metrics()).ifPresent(url -> context.out().println("mqchat: metrics " + url
                    + "/metrics, health " + url + "/health/ready"));
            context.out().println(ReadyLine.of(broker.settings(), context.workingDir()));
            stop.await();
            context.out().println("mqchat: stopping");
        }
        context.out().println("mqchat: stopped");
        return ExitCodes.OK;
    }

    private ServerLog openLog(Path dataDir) {
        ServerLog serverLog = ServerLog.open(LoggerFactory.getILoggerFactory(), dataDir, verbose, context.err());
        context.out().println("mqchat: log " + serverLog.file()
                .map(file -> DisplayPaths.of(file, context.workingDir())
                        + (verbose ? " and here (--verbose)" : " (run --verbose to see it here too)"))
                .orElse("as the logging configuration given to the JVM says"));
        return serverLog;
    }

    private EmbeddedBroker start(ServerSettings settings, InternalServiceKey serviceKey, ClusterNode cluster) {
        ExtensionConfig extension = settings.extension().withJwt(settings.extension().jwt().withServiceKey(serviceKey));
        try {
            return EmbeddedBroker.start(settings.broker(), extension, context.clock(), cluster.membership());
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            // HiveMQ's own words are clear ("Is another HiveMQ instance running?"); the stack trace adds nothing.
            throw new StartupException("the broker did not start: " + cause.getMessage(), cause);
        }
    }

    private InProcessWorkers startWorkers(ServerSettings settings, InternalServiceKey serviceKey) {
        try {
            return InProcessWorkers.start(settings, serviceKey, context.clock());
        } catch (RuntimeException e) {
            throw new StartupException("the workers did not start: " + e.getMessage(), e);
        }
    }

    private static Path createTempFolder(Path dataDir) {
        Path tmp = dataDir.resolve(TEMP_FOLDER);
        try {
            return Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + tmp, e);
        }
    }
}
