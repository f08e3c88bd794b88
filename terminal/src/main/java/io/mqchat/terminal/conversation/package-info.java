/** The conversation the terminal has open: where typed lines go, and what it marks read as it shows it. */
package io.mqchat.terminal.conversation;
