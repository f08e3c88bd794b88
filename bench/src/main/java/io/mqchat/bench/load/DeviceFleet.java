package io.mqchat.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * A set of connected devices, connected a bounded number at a time: a burst of thousands of CONNECTs (each
 * a token check on mqchat) would measure the broker's connect storm, not what the scenario asks.
 */
public final class DeviceFleet implements AutoCloseable {

    private static final int CONNECTS_IN_FLIGHT = 64;

    private final List<Device> devices;

    private DeviceFleet(List<Device> devices) {
        this.devices = devices;
    }

    /**
     * Creates and connects {@code count} devices; device {@code i} belongs to user {@code users.apply(i)}.
     * Fails if any device cannot connect within {@code timeout}.
     */
    public static DeviceFleet connect(int count, IntFunction<String> users, Endpoint endpoint, Dialect dialect,
                                      Inbound inbound, LongSupplier nanos, Duration timeout) {
        return connect(count, users, i -> endpoint, dialect, inbound, nanos, timeout);
    }

    /**
     * As {@link #connect(int, IntFunction, Endpoint, Dialect, Inbound, LongSupplier, Duration)}, device {@code i}
     * connecting to {@code endpoints.apply(i)}: on a cluster, each device to its user's home node.
     */
    public static DeviceFleet connect(int count, IntFunction<String> users, IntFunction<Endpoint> endpoints,
                                      Dialect dialect, Inbound inbound, LongSupplier nanos, Duration timeout) {
        List<Device> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            devices.add(Device.create(i, users.apply(i), "d", endpoints.apply(i), inbound, nanos));
        }
        connectAll(devices, dialect, timeout);
        return new DeviceFleet(devices);
    }

    /** Connects (or reconnects) {@code devices}, at most {@value #CONNECTS_IN_FLIGHT} at a time. */
    public static void connectAll(List<Device> devices, Dialect dialect, Duration timeout) {
        Semaphore slots = new Semaphore(CONNECTS_IN_FLIGHT);
        List<CompletableFuture<Void>> pending = new ArrayList<>(devices.size());
        for (Device device : devices) {
            slots.acquireUninterruptibly();
            pending.add(device.connect(dialect).whenComplete((ok, error) -> slots.release()));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public Device device(int index) {
        return devices.get(index);
    }

    public int size() {
        return devices.size();
    }

    /** Disconnects every device, keeping their sessions. */
    @Override
    public void close() {
        CompletableFuture.allOf(devices.stream().map(Device::disconnect).toArray(CompletableFuture[]::new))
                .orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
