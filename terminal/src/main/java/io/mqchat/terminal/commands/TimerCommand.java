package io.mqchat.terminal.commands;

import io.mqchat.client.Conversation;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /timer 24h}, {@code /timer off}: turns disappearing messages on for the open conversation, changes the
 * timer or turns it off. The server offers a fixed set of timers (by default 24h, 7d, 90d) and refuses others with an
 * error line.
 */
final class TimerCommand implements Command {

    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,6})([smhd])");

    @Override
    public String name() {
        return "timer";
    }

    @Override
    public String usage() {
        return "/timer <24h|7d|90d|off>";
    }

    @Override
    public String summary() {
        return "disappearing messages in the open conversation, for everyone's later messages";
    }

    @Override
    public void run(List<String> args, Session session) {
        if (args.size() != 1) {
            throw new CommandException("usage: " + usage());
        }
        Duration timer = parse(args.get(0));
        Conversation conversation = session.openConversation();
        try {
            session.console().line(session.lines().sent(
                    Answers.await(session.client().setDisappearing(conversation, timer), session.answerTimeout())));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    private Duration parse(String text) {
        if (text.equals("off")) {
            return Duration.ZERO;
        }
        Matcher amount = AMOUNT.matcher(text);
        if (!amount.matches()) {
            throw new CommandException("usage: " + usage());
        }
        long value = Long.parseLong(amount.group(1));
        return switch (amount.group(2)) {
            case "s" -> Duration.ofSeconds(value);
            case "m" -> Duration.ofMinutes(value);
            case "h" -> Duration.ofHours(value);
            default -> Duration.ofDays(value);
        };
    }
}
