package io.mqchat.extension.auth;

import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * The topic permissions of a user's device. A device subscribes to its own user's tree and to presence
 * topics. It publishes to request topics, which the routing interceptor rewrites before HiveMQ authorizes
 * them, so the publish permissions name the rewritten targets; the interceptor refuses any publish that did
 * not come through a request topic, so a device can never publish to these targets directly.
 */
final class UserPermissions {

    /**
     * The permissions every user has, built once: they are immutable, and building them per device was most
     * of the extension's memory per connected device (docs/BENCHMARKS.md).
     */
    private static final List<TopicPermission> SHARED = List.of(
            subscribeTo(Topics.presence("+")),
            publishTo(Topics.inbox("+")),
            publishTo(Topics.receipts("+")),
            publishTo(Topics.typing("+")),
            publishTo(ServiceTopics.lanes(ServiceTopics.PRESENCE_EVENTS)),
            publishTo(ServiceTopics.lanes(ServiceTopics.GROUP_TRAFFIC)),
            publishTo(ServiceTopics.lanes(ServiceTopics.GROUP_REQUESTS)),
            publishTo(ServiceTopics.lanes(ServiceTopics.HISTORY_REQUESTS)),
            // 1-1 edits, deletes and reactions, rewritten onto the conversation's archive lane.
            publishTo(ServiceTopics.lanes(ServiceTopics.ARCHIVE)));

    private UserPermissions() {
    }

    static List<TopicPermission> of(String user) {
        List<TopicPermission> permissions = new ArrayList<>(SHARED.size() + 1);
        permissions.add(subscribeTo(Topics.userTree(user)));
        permissions.addAll(SHARED);
        return permissions;
    }

    private static TopicPermission subscribeTo(String filter) {
        return Builders.topicPermission()
                .topicFilter(filter)
                .activity(TopicPermission.MqttActivity.SUBSCRIBE)
                .sharedSubscription(TopicPermission.SharedSubscription.NOT_SHARED)
                .build();
    }

    private static TopicPermission publishTo(String filter) {
        return Builders.topicPermission()
                .topicFilter(filter)
                .activity(TopicPermission.MqttActivity.PUBLISH)
                .retain(TopicPermission.Retain.NOT_RETAINED)
                .build();
    }
}
