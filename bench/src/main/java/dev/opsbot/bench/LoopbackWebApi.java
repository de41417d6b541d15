package dev.opsbot.bench;

import com.sun.net.httpserver.HttpExchange;
import dev.opsbot.slack.LoopbackHttpServer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack's Web API on loopback: auth.test for Bolt, ok for anything else. It counts the messages
 * opsbot posts (outbox delivery) and hands each answer sent to a response URL to whoever waits
 * for it, because a command slower than Slack's ack budget answers there rather than in the ack.
 */
final class LoopbackWebApi implements AutoCloseable {

    private static final String RESPONSES = "/response/";

    final AtomicLong posted = new AtomicLong();
    private final Map<String, CompletableFuture<Long>> answers = new ConcurrentHashMap<>();
    private final LoopbackHttpServer server;

    LoopbackWebApi() throws IOException {
        // Answers without recording bodies: a run sends far more than a test fake should keep.
        server = new LoopbackHttpServer(4, 200, Map.of("/", this::answer));
    }

    String url() {
        return server.url();
    }

    /** The response URL for one request, and the moment (System.nanoTime) its answer arrives there. */
    String responseUrl(String key) {
        return url() + RESPONSES + key;
    }

    CompletableFuture<Long> answerAt(String key) {
        return answers.computeIfAbsent(key, k -> new CompletableFuture<>());
    }

    void forget(String key) {
        answers.remove(key);
    }

    private void answer(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String json;
        if (path.equals("/api/auth.test")) {
            json = "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}";
        } else {
            if (path.equals("/api/chat.postMessage")) {
                posted.incrementAndGet();
            } else if (path.startsWith(RESPONSES)) {
                answerAt(path.substring(RESPONSES.length())).complete(at);
            }
            json = "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}";
        }
        LoopbackHttpServer.replyJson(exchange, 200, json);
    }

    @Override
    public void close() {
        server.close();
    }
}
