package io.mqchat.extension.testing;

import io.mqchat.extension.config.ExtensionConfig;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestBroker} shared by the tests of a class, started before the first and closed after the last:
 * {@code @RegisterExtension static final PerClassBroker broker = new PerClassBroker();}
 */
public final class PerClassBroker implements BeforeAllCallback, AfterAllCallback {

    private final UnaryOperator<ExtensionConfig> customize;
    private TestBroker broker;

    /** A broker with the test defaults. */
    public PerClassBroker() {
        this(UnaryOperator.identity());
    }

    /** A broker whose extension configuration {@code customize} adjusts. */
    public PerClassBroker(UnaryOperator<ExtensionConfig> customize) {
        this.customize = customize;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = TestBroker.start(customize);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
        }
    }

    /** The running broker. */
    public TestBroker get() {
        return broker;
    }

    /** Restarts the broker on its data folder (see {@link TestBroker#restart()}) and returns the new one. */
    public TestBroker restart() {
        broker = broker.restart();
        return broker;
    }
}
