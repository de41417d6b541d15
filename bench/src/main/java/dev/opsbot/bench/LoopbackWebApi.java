package dev.opsbot.bench;

import com.sun.net.httpserver.HttpExchange;
import dev.opsbot.slack.LoopbackHttpServer;
import java.io.IOException;
import java.util.Map;

/** Slack's Web API on loopback: auth.test for Bolt, ok for anything else (response URLs of slow commands). */
final class LoopbackWebApi implements AutoCloseable {

    private final LoopbackHttpServer server;

    LoopbackWebApi() throws IOException {
        // Answers without recording: a run sends far more than a test fake should keep.
        server = new LoopbackHttpServer(2, 100, Map.of("/", LoopbackWebApi::answer));
    }

    String url() {
        return server.url();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String json;
        if (exchange.getRequestURI().getPath().equals("/api/auth.test")) {
            json = "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}";
        } else {
            json = "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}";
        }
        LoopbackHttpServer.replyJson(exchange, 200, json);
    }

    @Override
    public void close() {
        server.close();
    }
}
