/**
 * Presence: whether a user is online or when it was last seen ({@link io.mqchat.client.presence.PresenceState},
 * watched through {@link io.mqchat.client.presence.PresenceSubscription}), and who may see this user's own
 * ({@link io.mqchat.client.presence.PresencePrivacy}).
 */
package io.mqchat.client.presence;
