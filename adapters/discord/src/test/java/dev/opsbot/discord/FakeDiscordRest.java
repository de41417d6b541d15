package dev.opsbot.discord;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Discord's REST API as far as opsbot uses it, on loopback: it records every request and answers
 * like Discord. Message creation can be told to answer 429 with rate-limit headers first.
 */
public final class FakeDiscordRest implements AutoCloseable {

    public static final String BOT_ID = "900";

    /** One request as received. */
    public record Call(String method, String path, String query, String body) {
        public DataObject json() {
            return DataObject.fromJson(body);
        }

        public DataArray jsonArray() {
            return DataArray.fromJson(body);
        }
    }

    /** A file part of a multipart message, as received. */
    public record Attachment(String path, String field, String fileName, String contentType, byte[] bytes) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Attachment> attachments = new CopyOnWriteArrayList<>();
    private final Deque<Integer> messageStatuses = new ConcurrentLinkedDeque<>();
    private final AtomicLong ids = new AtomicLong(1_000);
    private final List<String> createdIds = new CopyOnWriteArrayList<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();

    public FakeDiscordRest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
    }

    /** The next message creations answer these statuses in turn (429, 500, 403, …) before succeeding. */
    public void failNextMessages(Integer... statuses) {
        messageStatuses.addAll(List.of(statuses));
    }

    /** As if someone deleted this message: editing it answers Unknown Message. */
    public void delete(String messageId) {
        deleted.add(messageId);
    }

    /** The ids of the messages created in channels, in order. */
    public List<String> createdMessageIds() {
        return List.copyOf(createdIds);
    }

    /** Files sent with messages (multipart/form-data), in order. */
    public List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method, String pathPattern) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().matches(pathPattern)).toList();
    }

    /** Waits (bounded) until {@code count} calls match. */
    public List<Call> await(String method, String pathPattern, int count) throws InterruptedException {
        return await(c -> c.method().equals(method) && c.path().matches(pathPattern), count);
    }

    public List<Call> await(Predicate<Call> matching, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<Call> found = calls.stream().filter(matching).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + count + " matching calls within 10 s; got " + paths(calls));
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath().replaceFirst("^/api/v10", "");
        byte[] raw = ex.getRequestBody().readAllBytes();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String body = type != null && type.startsWith("multipart/form-data")
                ? multipart(path, raw, type.substring(type.indexOf("boundary=") + "boundary=".length()))
                : new String(raw, StandardCharsets.UTF_8);
        calls.add(new Call(method, path, ex.getRequestURI().getQuery(), body));
        try {
            if (method.equals("GET") && path.equals("/users/@me")) {
                send(ex, 200, self().toString());
            } else if (method.equals("PUT") && path.matches("/applications/\\d+(/guilds/\\d+)?/commands")) {
                send(ex, 200, registered(DataArray.fromJson(body)).toString());
            } else if (method.equals("POST") && path.matches("/interactions/\\d+/[^/]+/callback")) {
                send(ex, 204, null);
            } else if (method.equals("PATCH") && path.matches("/webhooks/\\d+/[^/]+/messages/@original")) {
                send(ex, 200, message("500", body).toString());
            } else if (method.equals("DELETE") && path.matches("/webhooks/\\d+/[^/]+/messages/@original")) {
                send(ex, 204, null);
            } else if (method.equals("POST") && path.matches("/webhooks/\\d+/[^/]+")) {
                send(ex, 200, message("500", body).toString());
            } else if (method.equals("POST") && path.matches("/channels/\\d+/messages")) {
                createMessage(ex, path.split("/")[2], body);
            } else if (method.equals("PATCH") && path.matches("/channels/\\d+/messages/\\d+")) {
                if (deleted.contains(path.split("/")[4])) {
                    send(ex, 404, "{\"message\":\"Unknown Message\",\"code\":10008}");
                } else {
                    send(ex, 200, message(path.split("/")[2], body).put("id", path.split("/")[4]).toString());
                }
            } else {
                send(ex, 404, "{\"message\":\"Unknown route\",\"code\":0}");
            }
        } catch (RuntimeException e) {
            send(ex, 500, "{\"message\":\"fake failed: " + e.getClass().getSimpleName() + "\",\"code\":0}");
        }
    }

    private void createMessage(HttpExchange ex, String channelId, String body) throws IOException {
        Integer status = messageStatuses.poll();
        if (status != null && status == 429) {
            ex.getResponseHeaders().add("Retry-After", "1");
            ex.getResponseHeaders().add("X-RateLimit-Limit", "5");
            ex.getResponseHeaders().add("X-RateLimit-Remaining", "0");
            ex.getResponseHeaders().add("X-RateLimit-Reset-After", "0.2");
            ex.getResponseHeaders().add("X-RateLimit-Bucket", "channel-" + channelId);
            ex.getResponseHeaders().add("X-RateLimit-Scope", "user");
            send(ex, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":0.2,\"global\":false}");
        } else if (status != null) {
            send(ex, status, "{\"message\":\"scripted failure\",\"code\":" + (status == 403 ? 50001 : 0) + "}");
        } else {
            ex.getResponseHeaders().add("X-RateLimit-Limit", "5");
            ex.getResponseHeaders().add("X-RateLimit-Remaining", "4");
            ex.getResponseHeaders().add("X-RateLimit-Reset-After", "1");
            ex.getResponseHeaders().add("X-RateLimit-Bucket", "channel-" + channelId);
            DataObject created = message(channelId, body);
            createdIds.add(created.getString("id"));
            send(ex, 200, created.toString());
        }
    }

    public static DataObject self() {
        return DataObject.empty().put("id", BOT_ID).put("username", "opsbot").put("discriminator", "0")
                .put("global_name", null).put("avatar", null).put("bot", true).put("verified", true)
                .put("mfa_enabled", false).put("flags", 0);
    }

    private DataArray registered(DataArray commands) {
        DataArray out = DataArray.empty();
        for (int i = 0; i < commands.length(); i++) {
            out.add(commands.getObject(i).put("id", String.valueOf(ids.incrementAndGet()))
                    .put("application_id", BOT_ID).put("version", "1"));
        }
        return out;
    }

    private DataObject message(String channelId, String requestBody) {
        DataObject sent = requestBody.isBlank() ? DataObject.empty() : DataObject.fromJson(requestBody);
        return DataObject.empty()
                .put("id", String.valueOf(ids.incrementAndGet()))
                .put("channel_id", channelId)
                .put("type", 0)
                .put("content", sent.getString("content", ""))
                .put("author", self())
                .put("embeds", rich(sent.optArray("embeds").orElseGet(DataArray::empty)))
                .put("components", sent.optArray("components").orElseGet(DataArray::empty))
                .put("attachments", DataArray.empty())
                .put("mentions", DataArray.empty())
                .put("mention_roles", DataArray.empty())
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("tts", false)
                .put("timestamp", "2026-11-27T14:00:00.000000+00:00")
                .put("edited_timestamp", null)
                .put("flags", sent.getInt("flags", 0));
    }

    /** Discord types the embeds it stores; bots may leave the type out when sending. */
    private static DataArray rich(DataArray embeds) {
        DataArray out = DataArray.empty();
        for (int i = 0; i < embeds.length(); i++) {
            out.add(embeds.getObject(i).put("type", "rich"));
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        // Discord answers through its edge; JDA reads a 429 without Via as a Cloudflare ban.
        ex.getResponseHeaders().add("Via", "1.1 google");
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Keeps the file parts and returns the payload_json part, which is what JSON requests carry as their body. */
    private String multipart(String path, byte[] raw, String boundary) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        String payload = "";
        for (String part : text.split("--" + java.util.regex.Pattern.quote(boundary.replace("\"", "")))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String headers = part.substring(0, split);
            String content = part.substring(split + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            String field = between(headers, "name=\"", "\"");
            byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
            if ("payload_json".equals(field)) {
                payload = new String(bytes, StandardCharsets.UTF_8);
            } else if (field != null) {
                String contentType = between(headers + "\r\n", "Content-Type: ", "\r\n");
                attachments.add(new Attachment(path, field, between(headers, "filename=\"", "\""), contentType, bytes));
            }
        }
        return payload;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            return null;
        }
        from += start.length();
        int to = text.indexOf(end, from);
        return to < 0 ? null : text.substring(from, to);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static List<String> paths(List<Call> calls) {
        List<String> out = new ArrayList<>();
        calls.forEach(c -> out.add(c.method() + " " + c.path()));
        return out;
    }
}
