package io.mqchat.terminal.commands;

import io.mqchat.client.groups.Group;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code /group create <name> <member>...}, {@code /group add|remove <group> <member>...}. */
final class GroupCommand implements Command {

    @Override
    public String name() {
        return "group";
    }

    @Override
    public String usage() {
        return "/group create <name> <member>... | /group add|remove g:<group> <member>...";
    }

    @Override
    public String summary() {
        return "create a group, add or remove members (admins only)";
    }

    @Override
    public void run(List<String> args, Session session) {
        if (args.size() < 3) {
            throw new CommandException("usage: " + usage());
        }
        List<String> members = args.subList(2, args.size());
        CompletableFuture<Group> answer = switch (args.get(0)) {
            case "create" -> session.client().groups().create(args.get(1), members);
            case "add" -> session.client().groups().add(groupId(args.get(1), session), members);
            case "remove" -> session.client().groups().remove(groupId(args.get(1), session), members);
            default -> throw new CommandException("usage: " + usage());
        };
        Group group = Answers.await(answer, session.answerTimeout());
        session.console().line("✓ " + session.lines().group(group));
    }

    private static String groupId(String text, Session session) {
        String named = text.startsWith("g:") ? text : "g:" + text;
        return ConversationArgument.parse(named, session).id();
    }
}
