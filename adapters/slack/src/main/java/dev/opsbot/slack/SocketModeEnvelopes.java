package dev.opsbot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.listener.WebSocketMessageListener;
import com.slack.api.socket_mode.response.AckResponse;
import dev.opsbot.chat.RefusalLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Envelopes arriving over Socket Mode, handed to the Bolt app and answered in their ack. Bolt's
 * own listener lets an envelope it cannot parse (a click without a user) throw out of the
 * WebSocket client, logged with a stack trace and never acked, so Slack sends it again; here such
 * an envelope is acked and dropped with one rate-limited line, like a bad HTTP request.
 */
final class SocketModeEnvelopes implements WebSocketMessageListener {

    private static final Logger log = LoggerFactory.getLogger(SocketModeEnvelopes.class);

    private final App app;
    private final SocketModeClient client;
    private final SocketModeRequestParser parser;
    private final RefusalLog refusals;

    SocketModeEnvelopes(App app, SocketModeClient client, RefusalLog refusals) {
        this.app = app;
        this.client = client;
        this.parser = new SocketModeRequestParser(app.config());
        this.refusals = refusals;
    }

    @Override
    public void handle(String message) {
        SocketModeRequest request;
        try {
            request = parser.parse(message);
        } catch (RuntimeException e) {
            refused(message, "unreadable envelope (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (request == null) {
            return; // hello, disconnect warnings: the client's own business
        }
        String envelopeId = request.getEnvelope().getEnvelopeId();
        if (request.getBoltRequest() == null) {
            refused(message, "envelope that is not a slash command or a click");
            return;
        }
        Response answer;
        try {
            answer = app.run(request.getBoltRequest());
        } catch (Exception e) {
            // The handlers check what they need, so this is opsbot's own bug: worth its stack trace.
            log.error("slack: a Socket Mode request failed in the handler", e);
            return;
        }
        if (answer.getStatusCode() != 200) {
            refused(message, "no handler answered (" + answer.getStatusCode() + ")");
            return;
        }
        if (answer.getBody() == null) {
            client.sendSocketModeResponse(new AckResponse(envelopeId));
        } else {
            client.sendSocketModeResponse(withPayload(envelopeId, answer).toString());
        }
    }

    /** The ack carries the answer: JSON as it is, plain text as a message's text. */
    private static JsonObject withPayload(String envelopeId, Response answer) {
        JsonObject ack = new JsonObject();
        ack.addProperty("envelope_id", envelopeId);
        if (answer.getContentType() != null && answer.getContentType().startsWith("application/json")) {
            ack.add("payload", JsonParser.parseString(answer.getBody()));
        } else {
            JsonObject text = new JsonObject();
            text.addProperty("text", answer.getBody());
            ack.add("payload", text);
        }
        return ack;
    }

    /** Acks the envelope when it has an id, so Slack does not deliver it again, and notes why it was dropped. */
    private void refused(String message, String reason) {
        refusals.refused(400, reason, "socket mode");
        String envelopeId = envelopeId(message);
        if (envelopeId != null) {
            client.sendSocketModeResponse(new AckResponse(envelopeId));
        }
    }

    private static String envelopeId(String message) {
        try {
            JsonElement envelope = JsonParser.parseString(message);
            JsonElement id = envelope.isJsonObject() ? envelope.getAsJsonObject().get("envelope_id") : null;
            return id != null && id.isJsonPrimitive() ? id.getAsString() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }
}
