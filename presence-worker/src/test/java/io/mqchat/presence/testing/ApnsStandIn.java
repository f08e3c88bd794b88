package io.mqchat.presence.testing;

import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.MockApnsServerListener;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.ValidatingPushNotificationHandlerFactory;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Pushy's mock APNs server (HTTP/2 over TLS, token authentication checked as Apple checks it) on a free port, with
 * what a test needs around it: a TLS certificate made by the JDK's keytool, an APNs auth key (.p8) with its team and
 * key id, the device tokens it knows per app, and a record of what it took. A token it does not know is refused
 * {@code BadDeviceToken}; one marked {@link #uninstalled} {@code Unregistered} (410).
 */
public final class ApnsStandIn implements AutoCloseable {

    public static final String TEAM_ID = "TEAM123456";
    public static final String KEY_ID = "KEY1234567";
    private static final char[] STORE_PASSWORD = "stand-in".toCharArray();

    /** One push the stand-in took: its headers ({@code apns-topic}, {@code apns-collapse-id}, ...) and payload. */
    public record Received(String token, Map<String, String> headers, String payload) {
    }

    private final Path certificate;
    private final Path signingKey;
    private final Map<String, Set<String>> tokensByTopic = new ConcurrentHashMap<>();
    private final Map<String, Instant> uninstalled = new ConcurrentHashMap<>();
    /** The apps (topics) the auth key may push to. */
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private MockApnsServer server;
    private int port;

    private ApnsStandIn(Path certificate, Path signingKey) {
        this.certificate = certificate;
        this.signingKey = signingKey;
    }

    /** Starts a stand-in whose files go to {@code folder}. */
    public static ApnsStandIn start(Path folder) throws Exception {
        Path keyStore = folder.resolve("apns-stand-in.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "apns", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", new String(STORE_PASSWORD),
                "-keypass", new String(STORE_PASSWORD)).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD);
        }
        X509Certificate serverCertificate = (X509Certificate) store.getCertificate("apns");
        PrivateKey serverKey = (PrivateKey) store.getKey("apns", STORE_PASSWORD);
        Path certificate = folder.resolve("apns-stand-in.pem");
        Files.writeString(certificate, pem("CERTIFICATE", serverCertificate.getEncoded()));

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair authKey = ec.generateKeyPair();
        Path signingKey = folder.resolve("AuthKey_" + KEY_ID + ".p8");
        Files.writeString(signingKey, pem("PRIVATE KEY", ((ECPrivateKey) authKey.getPrivate()).getEncoded()));
        ApnsVerificationKey verification = new ApnsVerificationKey(KEY_ID, TEAM_ID, (ECPublicKey) authKey.getPublic());

        ApnsStandIn standIn = new ApnsStandIn(certificate, signingKey);
        standIn.server = new MockApnsServerBuilder()
                .setServerCredentials(new X509Certificate[] {serverCertificate}, serverKey, null)
                .setHandlerFactory(new ValidatingPushNotificationHandlerFactory(standIn.tokensByTopic,
                        standIn.uninstalled, Map.of(KEY_ID, verification), Map.of(verification, standIn.topics)))
                .setListener(new MockApnsServerListener() {
                    @Override
                    public void handlePushNotificationAccepted(Http2Headers headers, ByteBuf payload) {
                        standIn.record(headers, payload);
                    }

                    @Override
                    public void handlePushNotificationRejected(Http2Headers headers, ByteBuf payload,
                                                               RejectionReason reason, Instant expired) {
                    }
                })
                .build();
        standIn.port = standIn.server.start(0).get(30, TimeUnit.SECONDS);
        return standIn;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private void record(Http2Headers headers, ByteBuf payload) {
        Map<String, String> copied = new ConcurrentHashMap<>();
        headers.forEach(header -> copied.put(header.getKey().toString(), header.getValue().toString()));
        String path = copied.getOrDefault(":path", "");
        received.add(new Received(path.substring(path.lastIndexOf('/') + 1), Map.copyOf(copied),
                payload.toString(StandardCharsets.UTF_8)));
    }

    /** The stand-in knows {@code token} as a device of the app {@code topic} (its bundle id). */
    public void knows(String topic, String token) {
        topics.add(topic);
        tokensByTopic.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(token);
    }

    /** The app on the device of {@code token} was uninstalled: pushes to it get 410 Unregistered. */
    public void uninstalled(String token) {
        uninstalled.put(token, Instant.now().minusSeconds(60));
    }

    /** {@code host:port} for {@code notify.apns-stand-in}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** The certificate it presents, as PEM, for {@code notify.apns-stand-in-cert}. */
    public Path certificate() {
        return certificate;
    }

    /** The APNs auth key (.p8) it accepts tokens signed with, of {@link #TEAM_ID} and {@link #KEY_ID}. */
    public Path signingKey() {
        return signingKey;
    }

    /** Forgets what it took (not the tokens it knows). */
    public void reset() {
        received.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedFor(String token) {
        return received.stream().filter(push -> push.token().equals(token)).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the APNs stand-in did not stop", e);
        }
    }
}
