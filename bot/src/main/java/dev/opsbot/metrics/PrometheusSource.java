package dev.opsbot.metrics;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

/**
 * {@link MetricSource} over Prometheus's HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}).
 * Queries go as form posts, so long PromQL is never cut by a URL limit. Every way a call can fail
 * becomes one {@link MetricsUnavailable} sentence that names the server by host only (a URL may
 * carry credentials).
 */
public final class PrometheusSource implements MetricSource {

    /** Prometheus refuses a range query that would give a series more points than this. */
    public static final int MOST_POINTS = 11_000;
    private static final int LONGEST_MESSAGE = 160;

    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    private PrometheusSource(URI base, String authorization, Duration timeout) {
        this.base = base;
        this.authorization = authorization;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A server without authentication; {@code timeout} bounds connecting and each answer. */
    public static PrometheusSource at(URI base, Duration timeout) {
        return new PrometheusSource(withoutTrailingSlash(base), null, timeout);
    }

    public PrometheusSource withBasicAuth(String user, String password) {
        String pair = user + ":" + password;
        return new PrometheusSource(base, "Basic " + Base64.getEncoder().encodeToString(
                pair.getBytes(StandardCharsets.UTF_8)), timeout);
    }

    public PrometheusSource withBearerToken(String token) {
        return new PrometheusSource(base, "Bearer " + token, timeout);
    }

    @Override
    public Sample instant(String query) {
        BsonDocument data = call("/api/v1/query", Map.of("query", query));
        String type = data.getString("resultType").getValue();
        if ("scalar".equals(type)) {
            BsonArray pair = data.getArray("result");
            return new Sample(Map.of(), timeOf(pair.get(0)), valueOf(pair.get(1)));
        }
        if (!"vector".equals(type)) {
            throw new MetricsUnavailable("The query gives a " + type + ", not one value; use an instant query such as "
                    + "a metric name, sum(…) or max(…).");
        }
        BsonArray result = data.getArray("result");
        if (result.isEmpty()) {
            throw new MetricsUnavailable("The query returns no data; check the metric name and labels.");
        }
        if (result.size() > 1) {
            throw new MetricsUnavailable("The query matches " + result.size() + " series; add labels or sum().");
        }
        BsonDocument series = result.get(0).asDocument();
        BsonArray pair = series.getArray("value");
        return new Sample(labelsOf(series), timeOf(pair.get(0)), valueOf(pair.get(1)));
    }

    @Override
    public List<Series> range(String query, Instant from, Instant to, Duration step) {
        Duration used = stepFor(from, to, step);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", query);
        form.put("start", String.valueOf(from.getEpochSecond()));
        form.put("end", String.valueOf(to.getEpochSecond()));
        form.put("step", used.toSeconds() + "s");
        BsonDocument data = call("/api/v1/query_range", form);
        List<Series> out = new ArrayList<>();
        for (BsonValue item : data.getArray("result")) {
            BsonDocument series = item.asDocument();
            List<Point> points = new ArrayList<>();
            for (BsonValue p : series.getArray("values")) {
                BsonArray pair = p.asArray();
                points.add(new Point(timeOf(pair.get(0)), valueOf(pair.get(1))));
            }
            out.add(new Series(labelsOf(series), points));
        }
        return out;
    }

    /**
     * The step to ask for: the one requested (at least a second), widened when the range would
     * give more than {@link #MOST_POINTS} points, which Prometheus would refuse.
     */
    public static Duration stepFor(Instant from, Instant to, Duration requested) {
        long seconds = Math.max(1, requested.toSeconds());
        long span = Math.max(0, Duration.between(from, to).toSeconds());
        long fewest = (span + MOST_POINTS - 2) / (MOST_POINTS - 1);
        return Duration.ofSeconds(Math.max(seconds, fewest));
    }

    private BsonDocument call(String path, Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        body.add("timeout=" + Math.max(1, timeout.toSeconds()) + "s");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new MetricsUnavailable("Prometheus at " + where() + " is unreachable (no connection within "
                    + seconds(timeout) + ").");
        } catch (HttpTimeoutException e) {
            throw new MetricsUnavailable("Prometheus at " + where() + " did not answer within " + seconds(timeout) + ".");
        } catch (ConnectException e) {
            throw new MetricsUnavailable("Prometheus at " + where() + " is unreachable (connection refused).");
        } catch (IOException e) {
            throw new MetricsUnavailable("Prometheus at " + where() + " is unreachable (" + shortened(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetricsUnavailable("The query to Prometheus was interrupted.");
        }
        return dataOf(response);
    }

    private BsonDocument dataOf(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new MetricsUnavailable("Prometheus at " + where() + " refused opsbot's credentials (HTTP " + status
                    + "); check OPSBOT_PROMETHEUS_USERNAME/PASSWORD or TOKEN.");
        }
        BsonDocument doc;
        try {
            doc = BsonDocument.parse(response.body());
        } catch (JsonParseException | org.bson.BSONException | IllegalArgumentException e) {
            throw new MetricsUnavailable("Prometheus at " + where() + " answered HTTP " + status
                    + " with something other than its API's JSON; check OPSBOT_PROMETHEUS_URL.");
        }
        String outcome = doc.containsKey("status") && doc.get("status").isString()
                ? doc.getString("status").getValue() : "";
        if ("error".equals(outcome)) {
            String message = doc.containsKey("error") && doc.get("error").isString()
                    ? doc.getString("error").getValue() : "no reason given";
            String kind = doc.containsKey("errorType") && doc.get("errorType").isString()
                    ? doc.getString("errorType").getValue() : "";
            if ("timeout".equals(kind)) {
                throw new MetricsUnavailable("Prometheus gave up on the query (timeout); narrow it or shorten the range.");
            }
            throw new MetricsUnavailable("Prometheus refused the query: " + shortened(message) + ".");
        }
        if (!"success".equals(outcome) || !doc.containsKey("data") || !doc.get("data").isDocument()) {
            throw new MetricsUnavailable("Prometheus at " + where() + " answered HTTP " + status
                    + " with something other than its API's JSON; check OPSBOT_PROMETHEUS_URL.");
        }
        return doc.getDocument("data");
    }

    private String where() {
        return base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
    }

    /** The first line of Prometheus's message, cut to a length chat shows whole, without a final full stop. */
    static String shortened(String message) {
        String line = message.strip().lines().findFirst().orElse("").strip();
        if (line.length() > LONGEST_MESSAGE) {
            line = line.substring(0, LONGEST_MESSAGE - 1).stripTrailing() + "…";
        }
        while (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return line;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Map<String, String> labelsOf(BsonDocument series) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (series.containsKey("metric")) {
            series.getDocument("metric").forEach((k, v) -> labels.put(k, v.isString() ? v.asString().getValue() : v.toString()));
        }
        return labels;
    }

    private static Instant timeOf(BsonValue v) {
        double seconds = v.isNumber() ? v.asNumber().doubleValue() : Double.parseDouble(v.asString().getValue());
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1_000_000_000L));
    }

    private static double valueOf(BsonValue v) {
        String text = v.isString() ? v.asString().getValue() : String.valueOf(v.asNumber().doubleValue());
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
