package io.mqchat.extension.auth;

import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import java.util.List;

/**
 * The topic permissions of a worker's service account: it reads the internal topics (shared or not) and
 * writes users' trees, retained presence and internal topics. Service publishes are not routed.
 */
final class ServicePermissions {

    private ServicePermissions() {
    }

    static List<TopicPermission> all() {
        return List.of(
                Builders.topicPermission()
                        .topicFilter(ServiceTopics.all())
                        .activity(TopicPermission.MqttActivity.SUBSCRIBE)
                        .sharedSubscription(TopicPermission.SharedSubscription.ALL)
                        .build(),
                publishTo(ServiceTopics.all()),
                publishTo(Topics.USER_ROOT + "/#"),
                publishTo(Topics.PRESENCE_ROOT + "/#"));
    }

    private static TopicPermission publishTo(String filter) {
        return Builders.topicPermission()
                .topicFilter(filter)
                .activity(TopicPermission.MqttActivity.PUBLISH)
                .retain(TopicPermission.Retain.ALL)
                .build();
    }
}
