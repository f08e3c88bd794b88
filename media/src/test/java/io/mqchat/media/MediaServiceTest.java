package io.mqchat.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.mqchat.extension.auth.TokenVerifier;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.media.access.ConversationShares;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaServiceTest {

    @Test
    void portZeroSwitchesTheEndpointOffAndStartAndCloseDoNothing(@TempDir Path dir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(
                mongo.connectionString())) {
            MediaService service = new MediaService(MediaSettings.defaults().withPort(0), Clock.systemUTC(),
                    client.getDatabase("off"), new TokenVerifier(JwtConfig.hmac("x".repeat(32)), Clock.systemUTC()),
                    new ConversationShares(client.getDatabase("off"), Clock.systemUTC()));
            service.start();
            assertEquals(0, service.port());
            service.close();
        }
    }
}
