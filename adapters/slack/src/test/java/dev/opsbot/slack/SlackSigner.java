package dev.opsbot.slack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests to opsbot's Slack endpoint the way Slack does: {@code v0=} + hex HMAC-SHA256 of
 * {@code v0:timestamp:body}.
 */
public final class SlackSigner {

    private SlackSigner() {
    }

    public static String sign(String secret, String timestamp, String body) {
        return sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Slack signs the body's bytes as they are sent, whatever they are. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form POST of {@code body} with Slack's headers; the signature is the caller's, right or wrong. */
    public static HttpRequest.Builder request(URI events, String timestamp, String signature, String body) {
        return HttpRequest.newBuilder(events)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
