package dev.opsbot.slack;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Slack's Web API on loopback, just enough of it: auth.test, chat.postMessage (with scripted
 * failures such as 429 bursts), chat.update, apps.connections.open, and response_url endpoints.
 * Every call is recorded for assertions.
 */
public final class FakeSlack implements AutoCloseable {

    public record Call(String path, Map<String, String> form, String body, String authorization) {
    }

    /** A scripted answer to the next chat.postMessage. */
    public record Answer(int status, String retryAfter, String json) {
        public static Answer rateLimited(int seconds) {
            return new Answer(429, String.valueOf(seconds), "{\"ok\":false,\"error\":\"ratelimited\"}");
        }

        public static Answer error(String error) {
            return new Answer(200, null, "{\"ok\":false,\"error\":\"" + error + "\"}");
        }
    }

    /** A delivered post and when it arrived ({@link System#nanoTime}), for checking pace and lag. */
    public record Arrival(Call call, long nanos) {
    }

    private final LoopbackHttpServer server;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch held;
    private final Deque<Answer> postScript = new ArrayDeque<>();
    private final List<Call> posts = new CopyOnWriteArrayList<>();
    private final List<Call> delivered = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Call> deliveries = new LinkedBlockingQueue<>();
    private final BlockingQueue<Call> updates = new LinkedBlockingQueue<>();
    private final BlockingQueue<Call> responses = new LinkedBlockingQueue<>();
    private final List<Call> authTests = new CopyOnWriteArrayList<>();
    private volatile String socketUrl = "ws://127.0.0.1:1/";
    private volatile String updateError;
    private volatile CountDownLatch heldArrived = new CountDownLatch(0);

    /** Bytes posted to an upload URL that files.getUploadURLExternal handed out. */
    public record Upload(String fileId, String contentType, byte[] bytes) {
    }

    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final List<Call> fileCalls = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Call> completions = new LinkedBlockingQueue<>();

    public FakeSlack() throws IOException {
        server = new LoopbackHttpServer(4, 50, Map.of("/api/", this::api, "/response/", exchange -> {
            responses.add(read(exchange));
            reply(exchange, 200, null, "ok");
        }, "/upload/", exchange -> {
            uploads.add(new Upload(exchange.getRequestURI().getPath().substring("/upload/".length()),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes()));
            reply(exchange, 200, null, "OK - " + uploads.size());
        }));
    }

    /** What reached the upload URLs, in order. */
    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** The files.getUploadURLExternal and files.completeUploadExternal calls, in order. */
    public List<Call> fileCalls() {
        return List.copyOf(fileCalls);
    }

    /** The next files.completeUploadExternal (the files shared), or null after 10 seconds. */
    public Call nextCompletion() throws InterruptedException {
        return completions.poll(10, TimeUnit.SECONDS);
    }

    public String apiUrl() {
        return server.url();
    }

    public String responseUrl(String id) {
        return apiUrl() + "/response/" + id;
    }

    public synchronized void scriptPosts(Answer... answers) {
        postScript.addAll(List.of(answers));
    }

    public void socketModeUrl(String url) {
        socketUrl = url;
    }

    public void failUpdatesWith(String error) {
        updateError = error;
    }

    /** Every chat.postMessage attempt, failed ones included. */
    public List<Call> postAttempts() {
        return List.copyOf(posts);
    }

    /** The chat.postMessage calls that were answered ok: the messages people would see. */
    public List<Call> delivered() {
        return List.copyOf(delivered);
    }

    /** Every delivered post with its arrival time, in arrival order. */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /**
     * From now on chat.postMessage waits before answering (as a slow Slack would) until
     * {@link #answerHeldPosts}; returns a latch that opens once {@code count} posts are waiting.
     */
    public CountDownLatch holdPosts(int count) {
        heldArrived = new CountDownLatch(count);
        held = new CountDownLatch(1);
        return heldArrived;
    }

    public void answerHeldPosts() {
        CountDownLatch h = held;
        held = null;
        if (h != null) {
            h.countDown();
        }
    }

    public List<Call> authTests() {
        return List.copyOf(authTests);
    }

    /** The next delivered chat.postMessage not yet taken, waiting a bounded time; null if none came. */
    public Call nextDelivery() throws InterruptedException {
        return deliveries.poll(10, TimeUnit.SECONDS);
    }

    public Call nextUpdate() throws InterruptedException {
        return updates.poll(10, TimeUnit.SECONDS);
    }

    public Call nextResponse() throws InterruptedException {
        return responses.poll(10, TimeUnit.SECONDS);
    }

    public int pendingResponses() {
        return responses.size();
    }

    public int pendingUpdates() {
        return updates.size();
    }

    private void api(HttpExchange exchange) throws IOException {
        Call call = read(exchange);
        String method = call.path().substring("/api/".length());
        switch (method) {
            case "auth.test" -> {
                authTests.add(call);
                reply(exchange, 200, null, "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test\","
                        + "\"user\":\"opsbot\",\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}");
            }
            case "chat.postMessage" -> {
                posts.add(call);
                awaitHold();
                Answer answer;
                synchronized (this) {
                    answer = postScript.poll();
                }
                if (answer == null) {
                    arrivals.add(new Arrival(call, System.nanoTime()));
                    delivered.add(call);
                    deliveries.add(call);
                    reply(exchange, 200, null, "{\"ok\":true,\"channel\":\"" + call.form().get("channel")
                            + "\",\"ts\":\"1700000000." + String.format("%06d", delivered.size()) + "\"}");
                } else {
                    reply(exchange, answer.status(), answer.retryAfter(), answer.json());
                }
            }
            case "chat.update" -> {
                updates.add(call);
                reply(exchange, 200, null, updateError == null
                        ? "{\"ok\":true,\"channel\":\"" + call.form().get("channel") + "\",\"ts\":\"" + call.form().get("ts") + "\"}"
                        : "{\"ok\":false,\"error\":\"" + updateError + "\"}");
            }
            case "apps.connections.open" -> reply(exchange, 200, null, "{\"ok\":true,\"url\":\"" + socketUrl + "\"}");
            case "files.getUploadURLExternal" -> {
                fileCalls.add(call);
                String id = "F" + fileCalls.size();
                reply(exchange, 200, null, "{\"ok\":true,\"upload_url\":\"" + apiUrl() + "/upload/" + id
                        + "\",\"file_id\":\"" + id + "\"}");
            }
            case "files.completeUploadExternal" -> {
                fileCalls.add(call);
                completions.add(call);
                reply(exchange, 200, null, "{\"ok\":true,\"files\":[]}");
            }
            default -> reply(exchange, 200, null, "{\"ok\":false,\"error\":\"unknown_method\"}");
        }
    }

    private void awaitHold() {
        CountDownLatch h = held;
        if (h == null) {
            return;
        }
        heldArrived.countDown();
        try {
            h.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Call read(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> form = new LinkedHashMap<>();
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return new Call(exchange.getRequestURI().getPath(), form, body,
                exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static void reply(HttpExchange exchange, int status, String retryAfter, String json) throws IOException {
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        LoopbackHttpServer.replyJson(exchange, status, json);
    }

    @Override
    public void close() {
        answerHeldPosts();
        server.close();
    }
}
