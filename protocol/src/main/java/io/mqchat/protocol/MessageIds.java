package io.mqchat.protocol;

import java.util.UUID;
import java.util.regex.Pattern;

/** Syntax and generation of message ids: 1 to 64 characters of {@code [A-Za-z0-9_.-]}. */
public final class MessageIds {

    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private MessageIds() {
    }

    public static boolean isValid(String id) {
        return id != null && SYNTAX.matcher(id).matches();
    }

    /** A fresh random id, unique for all practical purposes. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
