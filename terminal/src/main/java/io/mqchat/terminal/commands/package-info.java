/**
 * The slash commands ({@code /list}, {@code /open bob}, {@code /group create ...}) and the plain line that sends a
 * text. Each command is one class; {@link io.mqchat.terminal.commands.Commands} finds it by its name.
 */
package io.mqchat.terminal.commands;
