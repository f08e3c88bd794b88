package io.mqchat.bench.profile;

import io.mqchat.bench.report.Table;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jfr-summary FILE}: prints the summary of a broker's JFR recording (see {@code --profile}). */
@Command(name = "jfr-summary", description = "Summarises a broker's JFR recording (from --profile).")
public final class JfrSummaryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a broker.jfr from a run folder")
    Path recording;

    @Override
    public Integer call() throws Exception {
        for (Table table : JfrSummary.of(recording)) {
            System.out.println(table.toMarkdown());
        }
        return 0;
    }
}
