/**
 * The terminal client, {@code mqchat chat alice}: a line-oriented chat on the client library. Lines typed go to the
 * open conversation, slash commands do the rest, and what happens (messages, receipts, typing, presence, the
 * connection) prints as it happens, one line per event in a stable format (docs/TERMINAL.md). Works the same in a
 * terminal and through pipes, so scripts and tests drive it. Start with {@link io.mqchat.terminal.TerminalChat}.
 */
package io.mqchat.terminal;
