package io.mqchat.terminal.commands;

import io.mqchat.client.Conversation;
import io.mqchat.client.groups.Group;
import io.mqchat.terminal.view.ConversationNames;
import java.util.List;
import java.util.function.Supplier;

/**
 * A conversation as the user names it: {@code bob}, or {@code g:} with a group's id or, since ids are long, the
 * name of one of the user's groups when no other group of theirs has it.
 */
final class ConversationArgument {

    private ConversationArgument() {
    }

    static Conversation parse(String text, Session session) {
        if (!text.startsWith(ConversationNames.GROUP_PREFIX)) {
            return valid(() -> Conversation.with(text), "'" + text + "' is not a valid user id");
        }
        String group = text.substring(ConversationNames.GROUP_PREFIX.length());
        if (session.client().groups().known(group).isPresent()) {
            return Conversation.group(group);
        }
        List<Group> mine = Answers.await(session.client().groups().mine(), session.answerTimeout());
        List<Group> matching = mine.stream()
                .filter(candidate -> candidate.id().equals(group) || candidate.name().equals(group))
                .toList();
        if (matching.size() > 1) {
            throw new CommandException("several of your groups are named '" + group + "': use the id ("
                    + String.join(", ", matching.stream().map(Group::id).toList()) + ")");
        }
        String id = matching.isEmpty() ? group : matching.get(0).id();
        // An id the user does not belong to (or that does not exist) is the server's to refuse, in its own words.
        return valid(() -> Conversation.group(id), "'" + group + "' is neither a group id nor one of your groups");
    }

    private static Conversation valid(Supplier<Conversation> conversation, String otherwise) {
        try {
            return conversation.get();
        } catch (IllegalArgumentException e) {
            throw new CommandException(otherwise);
        }
    }
}
