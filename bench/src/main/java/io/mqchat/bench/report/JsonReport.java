package io.mqchat.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes every scenario's raw results, with the machine they ran on, as one JSON file. */
public final class JsonReport {

    private JsonReport() {
    }

    public static void write(Path file, Map<String, Object> machine, List<ScenarioReport> reports) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(file.toFile(), Map.of("machine", machine, "scenarios", reports));
    }
}
