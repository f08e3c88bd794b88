package io.mqchat.terminal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A command line's words: separated by spaces, with double quotes around a word that holds spaces. */
final class Words {

    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    private Words() {
    }

    static List<String> of(String line) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(line);
        while (matcher.find()) {
            words.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return words;
    }
}
