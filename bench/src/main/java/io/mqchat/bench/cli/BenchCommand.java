package io.mqchat.bench.cli;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.brokers.BrokerLauncher;
import io.mqchat.bench.hosted.BrokerCommand;
import io.mqchat.bench.load.IdleDevicesCommand;
import io.mqchat.bench.profile.JfrSummaryCommand;
import io.mqchat.bench.report.JsonReport;
import io.mqchat.bench.report.Progress;
import io.mqchat.bench.report.ScenarioReport;
import io.mqchat.bench.report.Table;
import io.mqchat.bench.scenarios.BenchContext;
import io.mqchat.bench.scenarios.BenchOptions;
import io.mqchat.bench.scenarios.CatchUp;
import io.mqchat.bench.scenarios.ChatComparison;
import io.mqchat.bench.scenarios.ClusterOptions;
import io.mqchat.bench.scenarios.ClusterScaling;
import io.mqchat.bench.scenarios.ConnectedDevices;
import io.mqchat.bench.scenarios.Flood;
import io.mqchat.bench.scenarios.FloodOptions;
import io.mqchat.bench.scenarios.GroupFanOut;
import io.mqchat.bench.scenarios.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mqchat-bench}: runs the chosen scenarios against brokers it starts itself on 127.0.0.1, prints a
 * progress line while it runs, and the results as Markdown tables plus a JSON file at the end.
 */
@Command(name = "mqchat-bench", mixinStandardHelpOptions = true,
        description = "mqchat benchmarks, side by side with bare HiveMQ CE and Mosquitto, on 127.0.0.1 only.",
        subcommands = {BrokerCommand.class, IdleDevicesCommand.class, JfrSummaryCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--scenario", split = ",", defaultValue = "compare,groups,devices,catchup",
            description = "chat, compare, groups, devices, catchup, flood, cluster, or all (default: ${DEFAULT-VALUE};"
                    + " compare includes chat; all leaves out flood and cluster)")
    List<String> scenarios;

    @Option(names = "--pairs", defaultValue = "100", description = "1-1 conversations of chat, compare and cluster (default ${DEFAULT-VALUE})")
    int pairs;

    @Option(names = "--rounds", defaultValue = "3", description = "rounds of the comparison (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--brokers", split = ",", defaultValue = "mqchat,hivemq,hivemq+receipts,mosquitto",
            description = "brokers of compare, groups and catchup, mqchat first; hivemq+receipts and "
                    + "mosquitto+receipts are the bare brokers with receipts published by the apps, compare only; "
                    + "hivemq+hooks(+receipts) is bare HiveMQ with interceptors that do nothing "
                    + "(default ${DEFAULT-VALUE})")
    List<String> brokers;

    @Option(names = "--persistence", defaultValue = "file", description = "file or memory (default ${DEFAULT-VALUE})")
    String persistence;

    @Option(names = "--broker-jvm", defaultValue = "-Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxDirectMemorySize=512m",
            description = "JVM options of the HiveMQ brokers, space separated (default: ${DEFAULT-VALUE})")
    String brokerJvm;

    @Option(names = "--warmup", defaultValue = "PT15S", description = "ISO-8601 duration (default ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--saturation", defaultValue = "PT15S", description = "saturation phase (default ${DEFAULT-VALUE})")
    Duration saturation;

    @Option(names = "--rate-phase", defaultValue = "PT10S", description = "each fixed-rate phase (default ${DEFAULT-VALUE})")
    Duration ratePhase;

    @Option(names = "--rates", split = ",", defaultValue = "1000,5000",
            description = "fixed rates, chat messages/s (default ${DEFAULT-VALUE}); empty for none")
    List<Integer> rates;

    @Option(names = "--window", defaultValue = "4", description = "outstanding messages per sender at saturation (default ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--max-messages", defaultValue = "3000000", description = "bound on messages per broker run; groups: on member deliveries per group (default ${DEFAULT-VALUE})")
    int maxMessages;

    @Option(names = "--drain-timeout", defaultValue = "PT60S", description = "wait for stragglers before counting them lost (default ${DEFAULT-VALUE})")
    Duration drainTimeout;

    @Option(names = "--devices", defaultValue = "19000", description = "idle devices to ramp to (default ${DEFAULT-VALUE})")
    int devices;

    @Option(names = "--device-checkpoints", split = ",", defaultValue = "1000,5000,10000,15000",
            description = "device counts to measure memory at, besides 0 and --devices (default ${DEFAULT-VALUE})")
    List<Integer> deviceCheckpoints;

    @Option(names = "--devices-per-worker", defaultValue = "5000", description = "idle devices per generator process (default ${DEFAULT-VALUE})")
    int devicesPerWorker;

    @Option(names = "--device-brokers", split = ",", defaultValue = "mqchat",
            description = "brokers of the devices scenario (default ${DEFAULT-VALUE})")
    List<String> deviceBrokers;

    @Option(names = "--background-rate", defaultValue = "200", description = "background chat msg/s while devices are connected (default ${DEFAULT-VALUE})")
    int backgroundRate;

    @Option(names = "--catchup-messages", defaultValue = "10000", description = "queued messages to catch up on (default ${DEFAULT-VALUE})")
    int catchUpMessages;

    @Option(names = "--profile", description = "record JFR profiles of the JVM brokers in round 1 of compare")
    boolean profile;

    @Option(names = "--persistence-buckets", defaultValue = "0",
            description = "HiveMQ persistence buckets for both HiveMQ brokers; 0 keeps HiveMQ's 64 (default ${DEFAULT-VALUE})")
    int persistenceBuckets;

    @Option(names = "--devices-broker-jvm",
            defaultValue = "-Xms64m -Xmx2g -XX:+UseG1GC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:MaxDirectMemorySize=256m",
            description = "JVM options of the broker in the devices scenario (default: ${DEFAULT-VALUE})")
    String devicesBrokerJvm;

    @Option(names = "--group-sizes", split = ",", defaultValue = "10,100,256",
            description = "groups: members per group, the sender included (default ${DEFAULT-VALUE})")
    List<Integer> groupSizes;

    @Option(names = "--group-messages", defaultValue = "25",
            description = "groups: messages of the fixed-rate phase per group size (default ${DEFAULT-VALUE})")
    int groupMessages;

    @Option(names = "--group-rate", defaultValue = "5",
            description = "groups: messages/s of the fixed-rate phase, each to every member (default ${DEFAULT-VALUE})")
    double groupRate;

    @Option(names = "--group-saturation", defaultValue = "PT5S",
            description = "groups: saturation phase per group size, PT0S for none (default ${DEFAULT-VALUE})")
    Duration groupSaturation;

    @Option(names = "--group-warmup", defaultValue = "PT5S",
            description = "groups: warm-up at the start of each broker run (default ${DEFAULT-VALUE})")
    Duration groupWarmup;

    @Option(names = "--group-window", defaultValue = "4",
            description = "groups: messages outstanding at saturation, until every member has them (default ${DEFAULT-VALUE})")
    int groupWindow;

    @Option(names = "--flood-pairs", defaultValue = "50",
            description = "flood: bystander 1-1 conversations (default ${DEFAULT-VALUE})")
    int floodPairs;

    @Option(names = "--flood-bystander-rate", defaultValue = "200",
            description = "flood: bystanders' chat messages/s over all pairs (default ${DEFAULT-VALUE})")
    double floodBystanderRate;

    @Option(names = "--flood-phase", defaultValue = "PT30S",
            description = "flood: length of each phase, quiet and each flood (default ${DEFAULT-VALUE})")
    Duration floodPhase;

    @Option(names = "--flood-warmup", defaultValue = "PT20S",
            description = "flood: warm-up of bystanders and a gentle group sender (default ${DEFAULT-VALUE})")
    Duration floodWarmup;

    @Option(names = "--flood-warmup-bystander-rate", defaultValue = "1000",
            description = "flood: bystanders' chat messages/s during the warm-up, within the rate limit (default ${DEFAULT-VALUE})")
    double floodWarmupBystanderRate;

    @Option(names = "--flood-warmup-rate", defaultValue = "5",
            description = "flood: the group sender's messages/s during the warm-up (default ${DEFAULT-VALUE})")
    double floodWarmupRate;

    @Option(names = "--flood-members", defaultValue = "256",
            description = "flood: members of the flooded group, the flooder included (default ${DEFAULT-VALUE})")
    int floodMembers;

    @Option(names = "--flood-rate", defaultValue = "30",
            description = "flood: the flooder's messages/s, open loop; the server's rate limit is 30/s (default ${DEFAULT-VALUE})")
    double floodRate;

    @Option(names = "--flood-recipients", defaultValue = "50",
            description = "flood: users the 1-1 flooder sends to in turn (default ${DEFAULT-VALUE})")
    int floodRecipients;

    @Option(names = "--flood-phases", split = ",", defaultValue = "group,1-1",
            description = "flood: the flood phases after the quiet one, group and/or 1-1 (default ${DEFAULT-VALUE})")
    List<String> floodPhases;

    @Option(names = "--cluster-nodes", split = ",", defaultValue = "1,3",
            description = "cluster: the setups, in nodes, each node a process on this machine; one node is the"
                    + " reference and the largest is compared with it (default ${DEFAULT-VALUE})")
    List<Integer> clusterNodes;

    @Option(names = "--cluster-rates", split = ",", defaultValue = "200,1000",
            description = "cluster: fixed rates, chat messages/s over all --pairs, the same on every setup (default"
                    + " ${DEFAULT-VALUE}); empty for none")
    List<Integer> clusterRates;

    @Option(names = "--cluster-phase", defaultValue = "PT15S",
            description = "cluster: length of each fixed-rate phase (default ${DEFAULT-VALUE})")
    Duration clusterPhase;

    @Option(names = "--cluster-warmup", defaultValue = "PT60S",
            description = "cluster: longest warm-up of each setup, saturation and the lowest rate in turn; it ends sooner"
                    + " (after 10 s at least) once the nodes' JIT compilers use under 10%% of a core at the low rate; PT0S"
                    + " for none (default ${DEFAULT-VALUE})")
    Duration clusterWarmup;

    @Option(names = "--cluster-saturation", defaultValue = "PT15S",
            description = "cluster: each saturation phase; PT0S for none, and then no cross-node CPU ratio and no"
                    + " projection (default ${DEFAULT-VALUE})")
    Duration clusterSaturation;

    @Option(names = "--cluster-split", arity = "1", defaultValue = "true",
            description = "cluster: on several nodes, also saturate with the same-node pairs alone and with the"
                    + " cross-node pairs alone, for the CPU of each kind of message (default ${DEFAULT-VALUE})")
    boolean clusterSplit;

    @Option(names = "--cluster-rounds", defaultValue = "1",
            description = "cluster: rounds, each one node then several (default ${DEFAULT-VALUE})")
    int clusterRounds;

    @Option(names = "--baseline-jar", description = "another build's bench/target/mqchat-bench.jar, run as the broker "
            + "mqchat@baseline in --brokers: compare mqchat,mqchat@baseline measures a change A/B in one run")
    Path baselineJar;

    @Option(names = "--keep-data", description = "keep each broker's persistence folder after it stopped")
    boolean keepData;

    @Option(names = "--out", defaultValue = "bench/target/bench-runs", description = "where run folders go (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!persistence.equals("file") && !persistence.equals("memory")) {
            throw new IllegalArgumentException("--persistence must be file or memory");
        }
        if (brokers.stream().anyMatch(label -> BrokerKind.parse(label) == BrokerKind.MQCHAT_BASELINE)
                && (baselineJar == null || !Files.isRegularFile(baselineJar))) {
            throw new IllegalArgumentException("mqchat@baseline needs --baseline-jar, a benchmark jar of another build");
        }
        BenchOptions options = new BenchOptions(pairs, rounds, kinds(brokers), persistence.equals("file"),
                jvmOptions(brokerJvm), warmup, saturation,
                ratePhase, rates, window, maxMessages, drainTimeout, devices, deviceCheckpoints, devicesPerWorker,
                kinds(deviceBrokers), backgroundRate, catchUpMessages, profile, persistenceBuckets, jvmOptions(devicesBrokerJvm),
                new BenchOptions.GroupOptions(groupSizes, groupMessages, groupRate, groupSaturation, groupWarmup,
                        groupWindow),
                new FloodOptions(floodPairs, floodBystanderRate, floodPhase, floodWarmup, floodWarmupBystanderRate,
                        floodWarmupRate, floodMembers,
                        floodRate, floodRecipients, floodPhases),
                new ClusterOptions(clusterNodes, clusterRates == null ? List.of() : clusterRates, clusterPhase, clusterWarmup, clusterSaturation,
                        clusterSplit, clusterRounds));
        Clock clock = Clock.systemUTC();
        Path runFolder = Files.createDirectories(out.resolve(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant())));
        byte[] secretBytes = new byte[32];
        new SecureRandom().nextBytes(secretBytes);
        String secret = HexFormat.of().formatHex(secretBytes);
        Map<String, Object> machine = MachineInfo.describe();
        List<ScenarioReport> reports = new ArrayList<>();
        try (Progress progress = new Progress(System.out, System::nanoTime, 5_000)) {
            progress.say("mqchat-bench: " + machine + ", run folder " + runFolder);
            BrokerLauncher launcher = new BrokerLauncher(secret, keepData, Optional.ofNullable(baselineJar));
            BenchContext context = new BenchContext(options, runFolder, launcher, secret, progress, clock,
                    System::nanoTime);
            for (Scenario scenario : selected()) {
                progress.say("scenario " + scenario.name());
                reports.add(scenario.run(context));
            }
        }
        StringBuilder markdown = new StringBuilder("## Results\n\nMachine: " + machine + "\n\n");
        for (ScenarioReport report : reports) {
            markdown.append("## Scenario ").append(report.scenario()).append(": ").append(report.status()).append("\n\n");
            for (Table table : report.tables()) {
                markdown.append(table.toMarkdown()).append("\n");
            }
        }
        Files.writeString(runFolder.resolve("results.md"), markdown, StandardCharsets.UTF_8);
        JsonReport.write(runFolder.resolve("results.json"), machine, reports);
        System.out.println();
        System.out.println(markdown);
        System.out.println("results: " + runFolder.resolve("results.md") + " and " + runFolder.resolve("results.json"));
        return 0;
    }

    private List<Scenario> selected() {
        Map<String, Scenario> known = new LinkedHashMap<>();
        for (Scenario s : List.of(ChatComparison.chat(), ChatComparison.compare(), new GroupFanOut(),
                new ConnectedDevices(), new CatchUp(), new Flood(), new ClusterScaling())) {
            known.put(s.name(), s);
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String name : scenarios) {
            if (name.equals("all")) {
                return List.of(known.get("compare"), known.get("groups"), known.get("devices"), known.get("catchup"));
            }
            Scenario s = known.get(name.trim());
            if (s == null) {
                throw new IllegalArgumentException("unknown scenario " + name + "; known: " + known.keySet() + ", all");
            }
            chosen.add(s);
        }
        return chosen;
    }

    private static List<String> jvmOptions(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static List<BrokerKind> kinds(List<String> labels) {
        return labels.stream().map(BrokerKind::parse).toList();
    }
}
