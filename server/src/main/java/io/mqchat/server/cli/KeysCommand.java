package io.mqchat.server.cli;

import io.mqchat.config.ConfigReference;
import io.mqchat.server.settings.ServerKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mqchat keys}: every configuration key, as a commented sample {@code mqchat.properties}. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Print every configuration key with its environment variable, default and meaning.")
final class KeysCommand implements Callable<Integer> {

    private final ProcessContext context;

    KeysCommand(ProcessContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().print(ConfigReference.render(ServerKeys.SCHEMA));
        context.out().flush();
        return ExitCodes.OK;
    }
}
