package dev.opsbot.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, checked on the raw bytes before anything reads them: {@code v0=} and
 * the hex HMAC-SHA256 of {@code v0:{timestamp}:{body}} with the signing secret, compared in
 * constant time, and a timestamp within five minutes of now in either direction. A timestamp that
 * is not whole seconds (milliseconds, garbage) is refused like a stale one.
 */
final class RequestSignature {

    static final Duration WINDOW = Duration.ofMinutes(5);
    // Epoch seconds have ten digits until the year 2286; anything longer is not seconds.
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,10}");
    private static final Pattern SIGNATURE = Pattern.compile("v0=[0-9a-fA-F]{64}");

    private final SecretKeySpec key;
    private final Clock clock;

    RequestSignature(String signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** Why the request is not Slack's, or empty when it is signed and fresh. */
    Optional<String> problem(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return Optional.of("no signature");
        }
        if (!SECONDS.matcher(timestamp).matches()) {
            return Optional.of("timestamp is not in seconds");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skew > WINDOW.toSeconds()) {
            return Optional.of("timestamp outside the five-minute window");
        }
        if (!SIGNATURE.matcher(signature).matches()) {
            return Optional.of("malformed signature");
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.empty() : Optional.of("bad signature");
    }

    private String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
