package io.mqchat.terminal.commands;

import io.mqchat.terminal.view.SafeText;
import java.util.List;

/**
 * {@code /block mallory}, {@code /unblock mallory}: nothing mallory sends you one to one, nor its presence, reaches
 * any of your devices while blocked (it still sees its messages sent), and you cannot send it messages; the answer
 * lists whom you block.
 */
final class BlockCommand implements Command {

    private final boolean block;

    private BlockCommand(boolean block) {
        this.block = block;
    }

    static BlockCommand block() {
        return new BlockCommand(true);
    }

    static BlockCommand unblock() {
        return new BlockCommand(false);
    }

    @Override
    public String name() {
        return block ? "block" : "unblock";
    }

    @Override
    public String usage() {
        return "/" + name() + " <user>";
    }

    @Override
    public String summary() {
        return block ? "stop a user's messages, typing and presence reaching you"
                : "let a blocked user reach you again";
    }

    @Override
    public void run(List<String> args, Session session) {
        if (args.size() != 1) {
            throw new CommandException("usage: " + usage());
        }
        List<String> blocked;
        try {
            blocked = Answers.await(block ? session.client().block(args.get(0)) : session.client().unblock(args.get(0)),
                    session.answerTimeout());
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        session.console().line(blocked.isEmpty() ? "* you block nobody"
                : "* you block " + SafeText.of(String.join(", ", blocked)));
    }
}
