/**
 * Push notifications for this device: the token an app got from Apple's or Google's push service, registered with
 * the server ({@link io.mqchat.client.push.PushToken}) so that it can wake the app when messages arrive while the
 * app is not connected. The client library never talks to APNs or FCM itself.
 */
package io.mqchat.client.push;
