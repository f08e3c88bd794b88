package io.mqchat.extension.deployment;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.admin.LifecycleStage;
import io.mqchat.config.ConfigException;
import io.mqchat.extension.MqchatExtension;
import io.mqchat.extension.metrics.BrokerMetrics;
import io.mqchat.extension.metrics.HealthCheck;
import io.mqchat.extension.metrics.MetricsEndpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stock HiveMQ starts from the mqchat zip (named in the jar's {@code META-INF/services}): reads and
 * validates {@link FolderSettings}, runs the same {@link MqchatExtension} the embedded broker runs, and serves the
 * broker's metrics and health. A configuration that does not validate, or an extension that does not start,
 * stops the whole broker ({@link FailClosed}).
 */
public final class ZipExtensionMain implements ExtensionMain {

    private static final Logger log = LoggerFactory.getLogger(ZipExtensionMain.class);

    private final Map<String, String> env;
    private MqchatExtension extension;
    private MetricsEndpoint endpoint;

    /** HiveMQ instantiates the extension with this constructor; configuration comes from the folder and the environment. */
    public ZipExtensionMain() {
        this.env = System.getenv();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Path home = input.getExtensionInformation().getExtensionHomeFolder().toPath();
        FolderSettings settings;
        try {
            settings = FolderSettings.load(home, env);
        } catch (ConfigException e) {
            refuse(output, "mqchat configuration is invalid: " + e.getMessage());
            return;
        }
        extension = new MqchatExtension(settings.extension(), Clock.systemUTC());
        extension.extensionStart(input, output);
        if (!extension.isStarted()) {
            refuse(output, extension.startFailure());
            return;
        }
        String metrics = "off";
        if (!settings.metrics().off()) {
            MqchatExtension started = extension;
            try {
                endpoint = MetricsEndpoint.start(settings.metrics(), BrokerMetrics.of(Services.metricRegistry()),
                        List.of(new HealthCheck("broker", () -> started.isStarted()
                                && Services.adminService().getCurrentStage() == LifecycleStage.STARTED_SUCCESSFULLY)));
            } catch (RuntimeException e) {
                refuse(output, e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
                return;
            }
            metrics = settings.metrics().url(endpoint.port()) + "/metrics";
        }
        log.info("mqchat extension ready in {}: config {}, metrics {}", home.getFileName(),
                settings.file().map(file -> file.getFileName().toString()).orElse("from the environment only"),
                metrics);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        if (endpoint != null) {
            endpoint.close();
        }
        if (extension != null) {
            extension.extensionStop(input, output);
        }
    }

    private static void refuse(ExtensionStartOutput output, String reason) {
        output.preventExtensionStartup(reason);
        FailClosed.stopBroker(reason);
    }
}
