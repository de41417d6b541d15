package dev.opsbot.bench;

import com.sun.net.httpserver.HttpExchange;
import dev.opsbot.slack.LoopbackHttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's Web API on loopback: auth.test for Bolt, ok for anything else. While asked to, it records
 * the messages opsbot posts (outbox delivery: channel, incident ids, arrival), and it hands each
 * answer sent to a response URL to whoever waits for it, because a command slower than Slack's
 * ack budget answers there rather than in the ack.
 */
final class LoopbackWebApi implements AutoCloseable {

    private static final String RESPONSES = "/response/";
    private static final Pattern ID = Pattern.compile("INC-\\d+");

    /** One chat.postMessage while posts are recorded: its channel, the incidents it names, when it arrived. */
    record Post(String channel, Set<String> ids, long nanos) {
    }

    private final Map<String, CompletableFuture<Long>> answers = new ConcurrentHashMap<>();
    private List<Post> recorded;
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

    /** From now on, keeps every post's channel and incident ids (a burst's few thousand, not a whole run's). */
    synchronized void record() {
        recorded = new ArrayList<>();
    }

    /** The posts recorded so far, in arrival order; recording goes on. */
    synchronized List<Post> posts() {
        return recorded == null ? List.of() : List.copyOf(recorded);
    }

    synchronized void stopRecording() {
        recorded = null;
    }

    private synchronized void keep(String form, long at) {
        if (recorded == null) {
            return;
        }
        String channel = "";
        Set<String> ids = new LinkedHashSet<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("channel")) {
                channel = value;
            } else if (name.equals("blocks")) {
                Matcher m = ID.matcher(value);
                while (m.find()) {
                    ids.add(m.group());
                }
            }
        }
        recorded.add(new Post(channel, ids, at));
    }

    private void answer(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String json;
        if (path.equals("/api/auth.test")) {
            json = "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}";
        } else {
            if (path.equals("/api/chat.postMessage")) {
                keep(new String(body, StandardCharsets.UTF_8), at);
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
