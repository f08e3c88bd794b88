/** Typing signals: who is typing in which conversation ({@link io.mqchat.client.typing.TypingSignal}). */
package io.mqchat.client.typing;
