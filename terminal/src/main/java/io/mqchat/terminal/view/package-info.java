/** What the terminal prints: one line per event, in the format docs/TERMINAL.md documents. */
package io.mqchat.terminal.view;
