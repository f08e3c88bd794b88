package io.mqchat.extension.auth;

import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.mqchat.protocol.Topics;
import java.util.List;

/**
 * The topic permissions of a user's device. A device subscribes only to its own user's tree. It publishes
 * to request topics, which the routing interceptor rewrites before HiveMQ authorizes them, so the
 * publish permissions name the rewritten targets; the interceptor refuses any publish that did not come
 * through a request topic.
 */
final class UserPermissions {

    private UserPermissions() {
    }

    static List<TopicPermission> of(String user) {
        return List.of(
                Builders.topicPermission()
                        .topicFilter(Topics.userTree(user))
                        .activity(TopicPermission.MqttActivity.SUBSCRIBE)
                        .sharedSubscription(TopicPermission.SharedSubscription.NOT_SHARED)
                        .build(),
                publishTo(Topics.inbox("+")),
                publishTo(Topics.receipts("+")));
    }

    private static TopicPermission publishTo(String filter) {
        return Builders.topicPermission()
                .topicFilter(filter)
                .activity(TopicPermission.MqttActivity.PUBLISH)
                .retain(TopicPermission.Retain.NOT_RETAINED)
                .build();
    }
}
