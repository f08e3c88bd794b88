package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import io.mqchat.protocol.DeviceAddress;
import io.mqchat.protocol.Topics;

/**
 * A publish to a request topic, with who sent it.
 *
 * @param sender      the device that published
 * @param mqttVersion the sender's protocol version, which decides how a refusal is answered
 * @param topic       the topic as published
 * @param target      the parsed request topic
 */
record Request(DeviceAddress sender, MqttVersion mqttVersion, String topic, Topics.Request target) {
}
