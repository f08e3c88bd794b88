package io.mqchat.server.cli;

import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.server.settings.ServerSettings;
import io.mqchat.server.settings.ServerSettingsLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mqchat token <user>}: prints a token the configured server accepts, signed with {@code jwt.secret} or
 * the development secret. Only the token goes to standard output, so {@code TOKEN=$(mqchat token alice)} works.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a JWT for USER, signed with jwt.secret or the development secret.")
final class TokenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "USER", description = "The user id (the token's sub claim).")
    String user;

    @Option(names = "--ttl", defaultValue = "24h", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long the token is valid, e.g. 30m, 24h, 7d (default: ${DEFAULT-VALUE}).")
    Duration ttl;

    @Option(names = "--service", description = "Mint a service account token for a standalone worker; USER is then "
            + "the service name, which starts with svc- (svc-presence, svc-groups).")
    boolean service;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The config file.")
    Path configFile;

    private final ServerSettingsLoader settingsLoader;
    private final ProcessContext context;

    TokenCommand(ServerSettingsLoader settingsLoader, ProcessContext context) {
        this.settingsLoader = settingsLoader;
        this.context = context;
    }

    @Override
    public Integer call() {
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("--ttl must be positive");
        }
        ServerSettings settings = settingsLoader.load(configFile);
        JwtConfig jwt = settings.extension().jwt();
        if (jwt.hmacSecret() == null) {
            context.err().println("mqchat: tokens come from your identity provider when jwt.jwks-file or "
                    + "jwt.jwks-url is configured; `token` signs only with jwt.secret or the development secret");
            return ExitCodes.CONFIG;
        }
        settings.devSecretFile().ifPresent(file ->
                context.err().println("mqchat: signed with the development secret in "
                        + DisplayPaths.of(file, context.workingDir())));
        TokenMinter minter = new TokenMinter(jwt.hmacSecret(), jwt.issuer(), jwt.audience(), context.clock());
        context.out().println(service ? minter.mintService(user, ttl) : minter.mint(user, ttl));
        return ExitCodes.OK;
    }
}
