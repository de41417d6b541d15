package dev.opsbot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted HTTP server on loopback that answers as Prometheus's API does. */
class PrometheusSourceTest {

    private HttpServer server;
    private volatile int status = 200;
    private volatile String body = "";
    private final List<Map<String, String>> forms = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hold;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (forms) {
                forms.add(formOf(raw));
                paths.add(exchange.getRequestURI().getPath());
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            if (hold) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private PrometheusSource source() {
        return PrometheusSource.at(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                Duration.ofSeconds(2));
    }

    @Test
    void anInstantQueryGivesItsOneSeriesAndIsPostedAsAForm() {
        body = """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"__name__":"disk_used_bytes","mount":"/data"},"value":[1700000000.5,"42.25"]}]}}""";
        MetricSource.Sample sample = source().instant("disk_used_bytes{mount=\"/data\"}");

        assertThat(sample.value()).isEqualTo(42.25);
        assertThat(sample.at()).isEqualTo(Instant.ofEpochSecond(1_700_000_000, 500_000_000));
        assertThat(sample.labels()).containsEntry("mount", "/data");
        assertThat(paths).containsExactly("/api/v1/query");
        assertThat(forms.get(0)).containsEntry("query", "disk_used_bytes{mount=\"/data\"}").containsEntry("timeout", "2s");
        assertThat(authorizations.get(0)).isNull();
    }

    @Test
    void aScalarIsOneValueWithoutLabels() {
        body = """
                {"status":"success","data":{"resultType":"scalar","result":[1700000000,"100"]}}""";
        assertThat(source().instant("scalar(100)").value()).isEqualTo(100.0);
    }

    @Test
    void severalSeriesWhereOneWasExpectedSaysHowManyAndWhatToDo() {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            result.append(i == 0 ? "" : ",").append("{\"metric\":{\"instance\":\"h").append(i)
                    .append("\"},\"value\":[1700000000,\"1\"]}");
        }
        body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}";

        assertThatThrownBy(() -> source().instant("disk_used_bytes"))
                .isInstanceOf(MetricsUnavailable.class)
                .hasMessage("The query matches 12 series; add labels or sum().");
    }

    @Test
    void noSeriesAtAllIsSaid() {
        body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
        assertThatThrownBy(() -> source().instant("nope")).hasMessage(
                "The query returns no data; check the metric name and labels.");
    }

    @Test
    void prometheusErrorsAreItsOwnMessageShortenedToOneSentence() {
        status = 400;
        body = """
                {"status":"error","errorType":"bad_data","error":"invalid parameter \\"query\\": 1:15: parse error: unexpected right parenthesis ')'\\nmore detail"}""";
        assertThatThrownBy(() -> source().instant("sum(rate(x[5m])))"))
                .hasMessage("Prometheus refused the query: invalid parameter \"query\": 1:15: parse error: "
                        + "unexpected right parenthesis ')'.");
    }

    @Test
    void aVeryLongMessageIsCut() {
        String longText = "x".repeat(500);
        assertThat(PrometheusSource.shortened(longText)).hasSize(160).endsWith("…");
    }

    @Test
    void aServerTimeoutSaysToNarrowTheQuery() {
        status = 503;
        body = "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}";
        assertThatThrownBy(() -> source().instant("x")).hasMessageContaining("gave up on the query (timeout)");
    }

    @Test
    void somethingThatIsNotPrometheusIsNamedAsSuch() {
        status = 200;
        body = "<html>login</html>";
        assertThatThrownBy(() -> source().instant("x")).hasMessageContaining(
                "answered HTTP 200 with something other than its API's JSON; check OPSBOT_PROMETHEUS_URL");
    }

    @Test
    void refusedCredentialsAreNamed() {
        status = 401;
        body = "Unauthorized";
        assertThatThrownBy(() -> source().withBearerToken("t").instant("x")).hasMessageContaining(
                "refused opsbot's credentials (HTTP 401)");
    }

    @Test
    void basicAuthAndBearerTokensAreSent() {
        body = "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"1\"]}}";
        source().withBasicAuth("ops", "s3cret").instant("1");
        source().withBearerToken("tok").instant("1");
        assertThat(authorizations).containsExactly("Basic b3BzOnMzY3JldA==", "Bearer tok");
    }

    @Test
    void anUnreachableServerIsOneSentence() throws IOException {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        PrometheusSource gone = PrometheusSource.at(URI.create("http://127.0.0.1:" + free), Duration.ofSeconds(2));
        assertThatThrownBy(() -> gone.instant("x")).isInstanceOf(MetricsUnavailable.class)
                .hasMessage("Prometheus at 127.0.0.1:" + free + " is unreachable (connection refused).");
    }

    @Test
    void aSlowServerIsCutOffAtTheTimeout() {
        hold = true;
        PrometheusSource impatient = PrometheusSource.at(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.instant("x")).hasMessageContaining("did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aRangeQueryGivesEverySeriesInOrder() {
        body = """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"host":"a"},"values":[[1700000000,"1"],[1700003600,"2"]]},
                  {"metric":{"host":"b"},"values":[[1700000000,"NaN"],[1700003600,"+Inf"]]}]}}""";
        Instant from = Instant.ofEpochSecond(1_700_000_000);
        List<MetricSource.Series> series = source().range("up", from, from.plusSeconds(3600), Duration.ofHours(1));

        assertThat(series).hasSize(2);
        assertThat(series.get(0).points()).extracting(MetricSource.Point::value).containsExactly(1.0, 2.0);
        assertThat(series.get(1).points().get(0).value()).isNaN();
        assertThat(series.get(1).points().get(1).value()).isInfinite();
        assertThat(paths).containsExactly("/api/v1/query_range");
        assertThat(forms.get(0)).containsEntry("start", "1700000000").containsEntry("end", "1700003600")
                .containsEntry("step", "3600s");
    }

    @Test
    void aStepThatWouldExceedElevenThousandPointsIsWidened() {
        body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";
        Instant from = Instant.ofEpochSecond(1_700_000_000);
        Instant to = from.plus(Duration.ofDays(28));
        source().range("up", from, to, Duration.ofSeconds(15));

        long step = Long.parseLong(forms.get(0).get("step").replace("s", ""));
        long points = Duration.ofDays(28).toSeconds() / step + 1;
        assertThat(points).isLessThanOrEqualTo(PrometheusSource.MOST_POINTS);
        assertThat(Duration.ofDays(28).toSeconds() / (step - 1) + 1).isGreaterThan(PrometheusSource.MOST_POINTS);
        assertThat(PrometheusSource.stepFor(from, from.plusSeconds(3600), Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofMinutes(1));
    }

    private static Map<String, String> formOf(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
