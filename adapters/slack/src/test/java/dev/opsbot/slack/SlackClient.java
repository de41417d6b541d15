package dev.opsbot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends slash commands and button clicks to opsbot exactly as Slack would: form-encoded and signed. */
public final class SlackClient {

    public record Sent(int status, String body) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    private static final AtomicInteger TRIGGERS = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI events;
    private final String secret;
    private final FakeSlack slack;

    public SlackClient(URI events, String secret, FakeSlack slack) {
        this.events = events;
        this.secret = secret;
        this.slack = slack;
    }

    /** The form body of a slash command typed by {@code user} in {@code channel}, answered through the fake. */
    public String commandBody(String user, String channel, String command, String text) {
        return commandBody(user, channel, command, text, slack.responseUrl("cmd-" + TRIGGERS.incrementAndGet()),
                "13345224609." + TRIGGERS.incrementAndGet() + ".b2c3d4");
    }

    /** The form body of a slash command as Slack posts it; each real command has its own trigger id. */
    public static String commandBody(String user, String channel, String command, String text, String responseUrl,
            String triggerId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T1");
        form.put("team_domain", "test");
        form.put("channel_id", channel);
        form.put("channel_name", "ops");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A1");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        return encode(form);
    }

    /** The form body of a click on a button of a message in {@code channel}, as block_actions. */
    public String clickBody(String user, String channel, String messageTs, boolean ephemeral, String blockId,
            String actionId, String value) {
        return formOf(clickPayload(user, channel, messageTs, ephemeral, blockId, actionId, value,
                slack.responseUrl("click-" + TRIGGERS.incrementAndGet()),
                "13345224609." + TRIGGERS.incrementAndGet() + ".c3d4e5"));
    }

    /** A block_actions body as Slack posts it: the JSON payload, form-encoded as {@code payload}. */
    public static String formOf(JsonObject payload) {
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    /** The JSON payload of a click on a button, complete as Slack sends it. */
    public static JsonObject clickPayload(String user, String channel, String messageTs, boolean ephemeral,
            String blockId, String actionId, String value, String responseUrl, String triggerId) {
        JsonObject p = new JsonObject();
        p.addProperty("type", "block_actions");
        p.add("user", obj("id", user, "username", user.toLowerCase(), "name", user.toLowerCase(), "team_id", "T1"));
        p.addProperty("api_app_id", "A1");
        p.addProperty("token", "legacy-verification-token");
        JsonObject container = obj("type", "message", "message_ts", messageTs, "channel_id", channel);
        container.addProperty("is_ephemeral", ephemeral);
        p.add("container", container);
        p.addProperty("trigger_id", triggerId);
        p.add("team", obj("id", "T1", "domain", "test"));
        p.add("channel", obj("id", channel, "name", "ops"));
        p.addProperty("response_url", responseUrl);
        JsonObject action = obj("action_id", actionId, "block_id", blockId, "value", value, "type", "button",
                "action_ts", "1700000001.000200");
        action.add("text", obj("type", "plain_text", "text", "button"));
        com.google.gson.JsonArray actions = new com.google.gson.JsonArray();
        actions.add(action);
        p.add("actions", actions);
        return p;
    }

    public Sent send(String body) throws Exception {
        return send(body, Instant.now().getEpochSecond(), null, Map.of());
    }

    /** Sends with a chosen timestamp, a chosen signature (null: sign correctly) and extra headers. */
    public Sent send(String body, long timestamp, String signature, Map<String, String> headers) throws Exception {
        String ts = Long.toString(timestamp);
        HttpRequest.Builder request = SlackSigner.request(events, ts,
                signature != null ? signature : SlackSigner.sign(secret, ts, body), body)
                .timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Sent(response.statusCode(), response.body());
    }

    /**
     * Sends raw bytes as a form POST with a chosen timestamp header and signature header; either
     * may be null to leave the header out. For junk that no real client would send.
     */
    public Sent sendRaw(byte[] body, String timestamp, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(events)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(10));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Sent(response.statusCode(), response.body());
    }

    /** Sends raw bytes signed correctly with the secret at {@code timestamp}. */
    public Sent sendSigned(byte[] body, String timestamp) throws Exception {
        return sendRaw(body, timestamp, SlackSigner.sign(secret, timestamp, body));
    }

    private static String encode(Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static JsonObject obj(String... pairs) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < pairs.length; i += 2) {
            o.addProperty(pairs[i], pairs[i + 1]);
        }
        return o;
    }
}
