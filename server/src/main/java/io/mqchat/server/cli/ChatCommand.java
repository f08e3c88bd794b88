package io.mqchat.server.cli;

import io.mqchat.client.MqchatClient;
import io.mqchat.client.MqchatClientBuilder;
import io.mqchat.config.EnvNames;
import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.extension.embedded.BrokerSettings;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.server.settings.LocalAddress;
import io.mqchat.server.settings.ServerSettings;
import io.mqchat.server.settings.ServerSettingsLoader;
import io.mqchat.terminal.TerminalChat;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mqchat chat <user>}: chats as the user in this terminal (the terminal module), on the server that the same
 * configuration as {@code run} describes: its MQTT listener and media endpoint, reached over loopback when they
 * listen on every address. The token is {@code --token-file}, {@code MQCHAT_TOKEN} or {@code --token}, or minted for
 * the user while the server runs on the development secret.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat as USER in this terminal, on the server this configuration describes. Type /help.")
final class ChatCommand implements Callable<Integer> {

    /** How long connecting and each command wait for the server before saying so. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** Minted anew for every connection, so a session may run for days. */
    private static final Duration MINTED_TOKEN_TTL = Duration.ofHours(24);

    @Parameters(index = "0", paramLabel = "USER", description = "Who you chat as.")
    String user;

    @Option(names = "--token", paramLabel = "JWT",
            description = "USER's token. Warning: a command line is visible to every user of this machine (ps) and "
                    + "stays in the shell history; prefer --token-file or the MQCHAT_TOKEN environment variable.")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding USER's token, read again at every connection (renew the token by "
                    + "replacing it). Without --token or --token-file, MQCHAT_TOKEN holds the token; none is needed "
                    + "while the server runs on the development secret.")
    Path tokenFile;

    @Option(names = "--device", defaultValue = "term", paramLabel = "ID",
            description = "This terminal's device id; a second terminal of the same user needs another "
                    + "(default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The config file.")
    Path configFile;

    private final ServerSettingsLoader settingsLoader;
    private final ProcessContext context;
    private final LocalTerminal terminal;

    ChatCommand(ServerSettingsLoader settingsLoader, ProcessContext context, LocalTerminal terminal) {
        this.settingsLoader = settingsLoader;
        this.context = context;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        ServerSettings settings = settingsLoader.load(configFile);
        Supplier<String> tokens = tokens(settings);
        if (tokens == null) {
            context.err().println("mqchat: pass USER's token with --token-file FILE or in MQCHAT_TOKEN: the server "
                    + "checks tokens with jwt.secret or a JWKS, so `chat` cannot make one for " + user);
            return ExitCodes.CONFIG;
        }
        BrokerSettings broker = settings.broker();
        MqchatClientBuilder client = MqchatClient.builder()
                .serverUri("tcp://" + LocalAddress.uriHost(broker.bindAddress()) + ":" + broker.mqttPort())
                .mediaUri(mediaUri(settings.media()))
                .user(user).device(device).token(tokens);
        int exit = new TerminalChat(context.clock(), terminal.zone(), ANSWER_TIMEOUT)
                .run(client, new InputStreamReader(terminal.in(), StandardCharsets.UTF_8), context.out());
        return exit == TerminalChat.EXIT_OK ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * The token source, or null when there is none: no token given and no development secret to sign with.
     *
     * @throws IllegalArgumentException for a token file that cannot be read, or both options at once
     */
    private Supplier<String> tokens(ServerSettings settings) {
        if (token != null && tokenFile != null) {
            throw new IllegalArgumentException("--token and --token-file both name a token: give one");
        }
        if (tokenFile != null) {
            TokenFile file = new TokenFile(context.workingDir().resolve(tokenFile));
            file.get(); // now, so that a missing file is reported before anything else happens
            return file;
        }
        String given = token != null ? token : context.env().getOrDefault(EnvNames.TOKEN, "").strip();
        if (!given.isEmpty()) {
            return () -> given;
        }
        JwtConfig jwt = settings.extension().jwt();
        if (settings.devSecretFile().isEmpty() || jwt.hmacSecret() == null) {
            return null;
        }
        TokenMinter minter = new TokenMinter(jwt.hmacSecret(), jwt.issuer(), jwt.audience(), context.clock());
        return () -> minter.mint(user, MINTED_TOKEN_TTL);
    }

    private static URI mediaUri(MediaSettings media) {
        // With media.port=0 the endpoint is off: images then fail with "unreachable", which says as much.
        return URI.create("http://" + LocalAddress.uriHost(media.bind()) + ":" + media.port());
    }
}
