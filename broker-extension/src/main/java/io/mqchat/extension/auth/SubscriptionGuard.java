package io.mqchat.extension.auth;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import io.mqchat.extension.limits.SubscriptionQuota;
import io.mqchat.protocol.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Decides what a user's device may subscribe to before the topic permissions do. Presence of one user at a time
 * ({@code p/{user}}), never of everybody: a wildcard that reaches presence topics ({@code p/+}, {@code p/#},
 * {@code +/+}, {@code #}) would list every user who ever connected with their last seen, a directory and a tracker
 * for any account; topic permissions cannot say "no wildcard", since the permission {@code p/+} also grants the
 * filter {@code p/+}. And no more filters, nor longer ones, than the {@link SubscriptionQuota} allows. Service
 * accounts are not restricted.
 */
public final class SubscriptionGuard implements SubscriptionAuthorizer {

    private static final Duration QUOTA_LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    private final SubscriptionQuota quota;

    public SubscriptionGuard(SubscriptionQuota quota) {
        this.quota = quota;
    }

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        if (Roles.isService(input.getConnectionInformation())) {
            output.nextExtensionOrDefault();
            return;
        }
        String filter = input.getSubscription().getTopicFilter();
        if (reachesEveryonesPresence(filter)) {
            output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED,
                    "subscribe to the presence of one user at a time: " + Topics.presence("{user}"));
            return;
        }
        CompletableFuture<Optional<SubscriptionQuota.Refusal>> counted =
                quota.add(input.getClientInformation().getClientId(), filter);
        if (counted.isDone()) {
            decide(counted.join(), output);
            return;
        }
        // The client's first SUBSCRIBE on this connection: its persisted filters are being read.
        Async<SubscriptionAuthorizerOutput> async = output.async(QUOTA_LOOKUP_TIMEOUT, TimeoutFallback.FAILURE);
        counted.whenComplete((refusal, failure) -> {
            try {
                if (failure != null) {
                    output.failAuthorization(SubackReasonCode.UNSPECIFIED_ERROR, "try again");
                } else {
                    decide(refusal, output);
                }
            } finally {
                async.resume();
            }
        });
    }

    private void decide(Optional<SubscriptionQuota.Refusal> refusal, SubscriptionAuthorizerOutput output) {
        if (refusal.isEmpty()) {
            output.nextExtensionOrDefault();
        } else if (refusal.get() == SubscriptionQuota.Refusal.TOO_LONG) {
            output.failAuthorization(SubackReasonCode.TOPIC_FILTER_INVALID,
                    "topic filters are at most " + quota.maxFilterLength() + " characters");
        } else {
            output.failAuthorization(SubackReasonCode.QUOTA_EXCEEDED,
                    "at most " + quota.maxSubscriptions() + " subscriptions per device");
        }
    }

    /** A filter with a wildcard whose first level is presence's root or itself a wildcard. */
    static boolean reachesEveryonesPresence(String filter) {
        if (filter.indexOf('+') < 0 && filter.indexOf('#') < 0) {
            return false;
        }
        String first = filter.split("/", -1)[0];
        return first.equals(Topics.PRESENCE_ROOT) || first.equals("+") || first.equals("#");
    }
}
