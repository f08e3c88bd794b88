/** Whose presence the terminal watches: the open 1-1 peer and whoever /who asked about. */
package io.mqchat.terminal.presence;
