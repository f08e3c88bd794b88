package io.mqchat.extension.limits;

import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.UnsubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.parameter.UnsubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.parameter.UnsubscribeInboundOutput;
import com.hivemq.extension.sdk.api.services.subscription.SubscriptionStore;
import com.hivemq.extension.sdk.api.services.subscription.TopicSubscription;
import io.mqchat.extension.lifecycle.DisconnectListener;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds each device to a number of topic filters and a filter length: thousands of 8 KB filters on one connection
 * would be granted and persisted otherwise. It knows the filters of every device that subscribed on this
 * connection, read from the broker's subscription store at its first SUBSCRIBE (a persistent session keeps its
 * subscriptions across connections) and kept in step with what it lets through and what the device unsubscribes.
 * A filter it let through counts even if the topic permissions then refuse it: a device that wastes its quota on
 * forbidden filters gets it back by reconnecting, when the store is read again.
 */
public final class SubscriptionQuota implements UnsubscribeInboundInterceptor, DisconnectListener {

    private final SubscriptionStore store;
    private final ClientLimits limits;
    private final ConcurrentHashMap<String, CompletableFuture<Set<String>>> byClient = new ConcurrentHashMap<>();

    public SubscriptionQuota(SubscriptionStore store, ClientLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /**
     * Completes with why {@code clientId} may not add {@code filter}, or empty after recording it; at once when the
     * client's filters are known already.
     */
    public CompletableFuture<Optional<Refusal>> add(String clientId, String filter) {
        if (filter.length() > limits.maxFilterLength()) {
            return CompletableFuture.completedFuture(Optional.of(Refusal.TOO_LONG));
        }
        return filters(clientId).thenApply(filters -> {
            synchronized (filters) {
                if (!filters.contains(filter) && filters.size() >= limits.subscriptionsPerClient()) {
                    return Optional.of(Refusal.TOO_MANY);
                }
                filters.add(filter);
                return Optional.empty();
            }
        });
    }

    @Override
    public void onInboundUnsubscribe(UnsubscribeInboundInput input, UnsubscribeInboundOutput output) {
        removed(input.getClientInformation().getClientId(), input.getUnsubscribePacket().getTopicFilters());
    }

    /** Forgets a client whose connection ended; its next connection reads the store again. */
    @Override
    public void onDisconnect(DisconnectEventInput input) {
        byClient.remove(input.getClientInformation().getClientId());
    }

    private void removed(String clientId, List<String> filters) {
        CompletableFuture<Set<String>> known = byClient.get(clientId);
        if (known != null) {
            known.thenAccept(set -> {
                synchronized (set) {
                    filters.forEach(set::remove);
                }
            });
        }
    }

    /** The most filters one device may hold. */
    public int maxSubscriptions() {
        return limits.subscriptionsPerClient();
    }

    /** The longest filter, in characters. */
    public int maxFilterLength() {
        return limits.maxFilterLength();
    }

    private CompletableFuture<Set<String>> filters(String clientId) {
        CompletableFuture<Set<String>> known = byClient.computeIfAbsent(clientId, id -> store.getSubscriptions(id)
                .thenApply(subscriptions -> {
                    Set<String> filters = new HashSet<>();
                    subscriptions.stream().map(TopicSubscription::getTopicFilter).forEach(filters::add);
                    return filters;
                }));
        // A failed read is not kept: the next SUBSCRIBE tries again.
        known.whenComplete((filters, failure) -> {
            if (failure != null) {
                byClient.remove(clientId, known);
            }
        });
        return known;
    }

    /** Why a filter was refused. */
    public enum Refusal {
        /** Longer than {@link ClientLimits#maxFilterLength()}. */
        TOO_LONG,
        /** The device holds {@link ClientLimits#subscriptionsPerClient()} filters already. */
        TOO_MANY
    }
}
