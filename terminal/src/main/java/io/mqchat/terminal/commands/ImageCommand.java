package io.mqchat.terminal.commands;

import io.mqchat.client.Conversation;
import io.mqchat.client.media.ImageOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code /image <file> [caption]}: uploads an image and shares it in the open conversation. */
final class ImageCommand implements Command {

    @Override
    public String name() {
        return "image";
    }

    @Override
    public String usage() {
        return "/image <file> [caption]";
    }

    @Override
    public String summary() {
        return "send an image (JPEG, PNG, GIF, WebP) to the open conversation";
    }

    @Override
    public void run(List<String> args, Session session) {
        if (args.isEmpty()) {
            throw new CommandException("usage: " + usage());
        }
        Conversation conversation = session.openConversation();
        Path file = Path.of(args.get(0));
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new CommandException("cannot read " + args.get(0));
        }
        ImageOptions options = args.size() > 1
                ? ImageOptions.none().withCaption(String.join(" ", args.subList(1, args.size())))
                : ImageOptions.none();
        // Waits for the upload, unlike a text: the file must not change meanwhile, and the user wants to know.
        session.console().line(session.lines().sent(
                Answers.await(session.client().sendImage(conversation, file, options), session.answerTimeout())));
    }
}
