package io.mqchat.extension.deployment;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.nio.file.Path;

/**
 * A HiveMQ broker as a stock installation runs it, for {@link ZipDeploymentIT}: started in a JVM of its own whose
 * class path holds HiveMQ and nothing of mqchat's, with the extensions that its {@code extensions/} folder holds
 * and no embedded extension. Prints {@value #STARTED} once it serves; stops when its standard input closes.
 *
 * <p>Argument: the HiveMQ home folder, with {@code conf/config.xml}, {@code data/} and {@code extensions/}.
 */
public final class StockHiveMq {

    /** Printed on standard output once the broker accepts connections. */
    public static final String STARTED = "STOCK-HIVEMQ-STARTED";

    private StockHiveMq() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(home.resolve("conf"))
                .withDataFolder(home.resolve("data"))
                .withExtensionsFolder(home.resolve("extensions"))
                .build();
        // The embedded builder lets everyone in while no authenticator is registered; a stock broker does not.
        InternalConfigurations.AUTH_DENY_UNAUTHENTICATED_CONNECTIONS.set(true);
        hivemq.start().join();
        System.out.println(STARTED);
        System.out.flush();
        while (System.in.read() != -1) {
            // serve until the test closes our standard input
        }
        hivemq.stop().join();
        hivemq.close();
        System.exit(0);
    }
}
