package io.mqchat.extension.auth;

import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import io.mqchat.protocol.Topics;

/**
 * Lets a device follow the presence of one user at a time ({@code p/{user}}), never of everybody: a wildcard that
 * reaches presence topics ({@code p/+}, {@code p/#}, {@code +/+}, {@code #}) would list every user who ever connected
 * with their last seen, a directory and a tracker for any account. Topic permissions cannot say "no wildcard", since
 * the permission {@code p/+} also grants the filter {@code p/+}; this decides first and leaves every other
 * subscription to the permissions. Service accounts are not restricted.
 */
public final class PresenceSubscriptionGuard implements SubscriptionAuthorizer {

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        if (!Roles.isService(input.getConnectionInformation())
                && reachesEveryonesPresence(input.getSubscription().getTopicFilter())) {
            output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED,
                    "subscribe to the presence of one user at a time: " + Topics.presence("{user}"));
            return;
        }
        output.nextExtensionOrDefault();
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
