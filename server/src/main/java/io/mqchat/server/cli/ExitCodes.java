package io.mqchat.server.cli;

/** The process exit codes, for scripts and service managers. */
public final class ExitCodes {

    /** Done, or stopped cleanly on request. */
    public static final int OK = 0;
    /** Could not run: a port in use, an unreadable folder, an unexpected error. */
    public static final int FAILED = 1;
    /** Invalid configuration or command line; nothing was started. */
    public static final int CONFIG = 2;

    private ExitCodes() {
    }
}
