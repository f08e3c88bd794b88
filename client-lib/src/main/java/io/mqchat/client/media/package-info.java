/**
 * Image sharing: the {@link io.mqchat.client.media.ImageRef reference} an image message carries (with its inline
 * thumbnail), the {@link io.mqchat.client.media.ImageOptions options} of a send (caption, upload progress), and the
 * failures of the media endpoint's uploads and downloads.
 *
 * <p>Images do not travel through MQTT: {@link io.mqchat.client.MqchatClient#sendImage} uploads the bytes to the
 * server's HTTP media endpoint, then sends a chat message carrying the endpoint's answer;
 * {@link io.mqchat.client.MqchatClient#downloadMedia} fetches them back and checks them against the reference.
 */
package io.mqchat.client.media;
