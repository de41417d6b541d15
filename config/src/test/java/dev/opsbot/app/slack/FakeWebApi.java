package dev.opsbot.app.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Slack's Web API on loopback for the whole application: auth.test, chat.postMessage, chat.update, response URLs. */
final class FakeWebApi implements AutoCloseable {

    record Call(String path, Map<String, String> form, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    final List<Call> posts = new CopyOnWriteArrayList<>();
    final BlockingQueue<Call> postQueue = new LinkedBlockingQueue<>();
    final BlockingQueue<Call> updates = new LinkedBlockingQueue<>();
    final BlockingQueue<Call> responses = new LinkedBlockingQueue<>();

    FakeWebApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        server.createContext("/api/", this::api);
        server.createContext("/response/", exchange -> {
            responses.add(read(exchange));
            reply(exchange, "ok");
        });
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static Call poll(BlockingQueue<Call> queue) throws InterruptedException {
        return queue.poll(10, TimeUnit.SECONDS);
    }

    private void api(HttpExchange exchange) throws IOException {
        Call call = read(exchange);
        switch (call.path()) {
            case "/api/auth.test" -> reply(exchange, "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}");
            case "/api/chat.postMessage" -> {
                posts.add(call);
                postQueue.add(call);
                reply(exchange, "{\"ok\":true,\"channel\":\"" + call.form().get("channel") + "\",\"ts\":\"1.2\"}");
            }
            case "/api/chat.update" -> {
                updates.add(call);
                reply(exchange, "{\"ok\":true}");
            }
            default -> reply(exchange, "{\"ok\":false,\"error\":\"unknown_method\"}");
        }
    }

    private static Call read(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return new Call(exchange.getRequestURI().getPath(), form, body);
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
