package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.MutableClock;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Socket Mode: Slack pushes the command over a WebSocket and the answer goes back as the envelope's ack. */
class SocketModeTest {

    /** Slack's end of a Socket Mode connection, on loopback. */
    static final class FakeLink extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch connected = new CountDownLatch(1);
        final BlockingQueue<String> fromBot = new LinkedBlockingQueue<>();
        volatile WebSocket bot;

        FakeLink() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            bot = conn;
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"applink-test\"},"
                    + "\"connection_info\":{\"app_id\":\"A1\"}}");
            connected.countDown();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            fromBot.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    FakeSlack slack;
    FakeLink link;
    MongoStore store;
    SlackCore core;
    SlackAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        link = new FakeLink();
        link.start();
        assertThat(link.started.await(10, TimeUnit.SECONDS)).isTrue();
        slack.socketModeUrl("ws://127.0.0.1:" + link.getPort() + "/link");
        store = MongoStore.inMemory();
        core = new SlackCore(store, MutableClock.at("2026-11-27T14:00:00Z"));
        adapter = new SlackAdapter(new SlackSettings("xoxb-test", null, "xapp-test", slack.apiUrl(), null), core.router);
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        link.stop(1000);
        store.close();
        slack.close();
    }

    @Test
    void aSlashCommandOverSocketModeIsAnsweredInItsAck() throws Exception {
        adapter.connectSocketMode();
        assertThat(link.connected.await(10, TimeUnit.SECONDS)).isTrue();

        JsonObject payload = new JsonObject();
        payload.addProperty("team_id", "T1");
        payload.addProperty("team_domain", "test");
        payload.addProperty("channel_id", "C1");
        payload.addProperty("channel_name", "ops");
        payload.addProperty("user_id", "U1");
        payload.addProperty("user_name", "u1");
        payload.addProperty("command", "/incident");
        payload.addProperty("text", "declare sev2 queue backlog");
        payload.addProperty("api_app_id", "A1");
        payload.addProperty("response_url", slack.responseUrl("socket-1"));
        payload.addProperty("trigger_id", "1.2.socket");
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", "env-1");
        envelope.addProperty("type", "slash_commands");
        envelope.addProperty("accepts_response_payload", true);
        envelope.add("payload", payload);
        link.bot.send(envelope.toString());

        String ack = link.fromBot.poll(10, TimeUnit.SECONDS);
        assertThat(ack).isNotNull();
        JsonObject answer = Json.parse(ack);
        assertThat(answer.get("envelope_id").getAsString()).isEqualTo("env-1");
        JsonObject reply = answer.getAsJsonObject("payload");
        assertThat(reply.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(Json.allText(reply.getAsJsonArray("blocks"))).contains("INC-1 · sev2 · queue backlog",
                "Declared by <@U1>.");
        assertThat(core.incidents.find("INC-1")).isPresent();
    }

    @Test
    void envelopesMissingWhoOrWhereAreAckedAndDroppedWithoutAStackTrace() throws Exception {
        adapter.connectSocketMode();
        assertThat(link.connected.await(10, TimeUnit.SECONDS)).isTrue();
        JsonObject command = new JsonObject();
        command.addProperty("command", "/incident");
        command.addProperty("text", "declare sev1 nobody typed this");
        command.addProperty("trigger_id", "1.2.nobody");
        JsonObject click = SlackClient.clickPayload("U1", "C1", "1700000000.000100", false, "opsbot-b1",
                BlockKit.ACTION_PREFIX + "0", "/incident declare sev1 from a click", slack.responseUrl("x"), "1.2.x");
        click.remove("container");
        click.remove("channel");
        JsonObject anonymous = SlackClient.clickPayload("U1", "C1", "1700000000.000100", false, "opsbot-b1",
                BlockKit.ACTION_PREFIX + "0", "/incident declare sev1 from nobody", slack.responseUrl("y"), "1.2.y");
        anonymous.remove("user");

        try (LogCapture log = new LogCapture()) {
            link.bot.send(envelope("env-2", "slash_commands", command).toString());
            String commandAck = link.fromBot.poll(10, TimeUnit.SECONDS);
            link.bot.send(envelope("env-3", "interactive", click).toString());
            String clickAck = link.fromBot.poll(10, TimeUnit.SECONDS);
            link.bot.send(envelope("env-4", "interactive", anonymous).toString());
            String anonymousAck = link.fromBot.poll(10, TimeUnit.SECONDS);

            assertThat(commandAck).isNotNull();
            assertThat(Json.parse(commandAck).get("envelope_id").getAsString()).isEqualTo("env-2");
            assertThat(Json.parse(commandAck).has("payload")).isFalse();
            assertThat(clickAck).isNotNull();
            assertThat(Json.parse(clickAck).get("envelope_id").getAsString()).isEqualTo("env-3");
            assertThat(anonymousAck).isNotNull();
            assertThat(Json.parse(anonymousAck).get("envelope_id").getAsString()).isEqualTo("env-4");
            assertThat(log.stackLines()).isEmpty();
            assertThat(log.text()).contains("slack: refused a request with 400 (slash command without user_id)",
                    "slack: refused a request with 400 (click without a container)",
                    "slack: refused a request with 400 (unreadable envelope");
        }
        assertThat(core.incidents.find("INC-1")).isEmpty();
    }

    static JsonObject envelope(String id, String type, JsonObject payload) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", id);
        envelope.addProperty("type", type);
        envelope.addProperty("accepts_response_payload", true);
        envelope.add("payload", payload);
        return envelope;
    }
}
