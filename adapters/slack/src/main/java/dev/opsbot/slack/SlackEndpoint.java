package dev.opsbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.opsbot.chat.RefusalLog;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /slack/events}: Slack's HTTP requests reach Bolt only after this servlet has read the raw
 * body, checked its signature and freshness (401 otherwise), and found a well-formed slash command
 * or click of opsbot's with everything opsbot needs (400 otherwise). Bolt's own servlet parses the
 * body before its signature check and answers junk with a 500 and a stack trace; here nothing
 * unsigned is parsed, and every refusal is one rate-limited log line.
 */
final class SlackEndpoint extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);
    /** Slack's largest payloads (a click carries the whole message) stay well below this. */
    static final int MAX_BODY = 1 << 20;

    private final transient App app;
    private final transient SlackRequestParser parser;
    private final transient RequestSignature signature;
    private final transient RefusalLog refusals;

    SlackEndpoint(App app, RequestSignature signature, RefusalLog refusals) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signature = signature;
        this.refusals = refusals;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String from = req.getRemoteAddr();
        if (req.getContentLengthLong() > MAX_BODY) {
            refuse(resp, 413, "body larger than " + MAX_BODY + " bytes", from);
            return;
        }
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(resp, 413, "body larger than " + MAX_BODY + " bytes", from);
            return;
        }
        Optional<String> unsigned = signature.problem(req.getHeader("X-Slack-Request-Timestamp"),
                req.getHeader("X-Slack-Signature"), body);
        if (unsigned.isPresent()) {
            refuse(resp, 401, unsigned.get(), from);
            return;
        }
        String text;
        try {
            text = utf8(body);
        } catch (CharacterCodingException e) {
            refuse(resp, 400, "body is not UTF-8", from);
            return;
        }
        Optional<String> notOurs = SlackPayloads.formProblem(text);
        if (notOurs.isPresent()) {
            refuse(resp, 400, notOurs.get(), from);
            return;
        }
        Request<?> request;
        try {
            request = parse(req, text);
        } catch (RuntimeException e) {
            // Bolt's parsers throw on bad percent-encoding, JSON that is not JSON, or the wrong shapes.
            refuse(resp, 400, "unreadable body (" + e.getClass().getSimpleName() + ")", from);
            return;
        }
        Optional<String> malformed = request == null ? Optional.of("not a Slack request opsbot knows")
                : SlackPayloads.problem(request);
        if (malformed.isPresent()) {
            refuse(resp, 400, malformed.get(), from);
            return;
        }
        Response answer;
        try {
            answer = app.run(request);
        } catch (Exception e) {
            // Only a verified, well-formed request from Slack gets here: this is opsbot's own bug.
            log.error("slack: a verified request failed in the handler", e);
            resp.setStatus(500);
            return;
        }
        write(resp, answer);
    }

    private Request<?> parse(HttpServletRequest req, String body) {
        return parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(req.getRequestURI())
                .queryString(Map.of())
                .headers(new RequestHeaders(headers(req)))
                .requestBody(body)
                .remoteAddress(req.getRemoteAddr())
                .build());
    }

    private void refuse(HttpServletResponse resp, int status, String reason, String from) throws IOException {
        refusals.refused(status, reason, from);
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(status == 401 ? "invalid request signature\n" : "bad request: " + reason + "\n");
    }

    private static void write(HttpServletResponse resp, Response answer) throws IOException {
        resp.setStatus(answer.getStatusCode());
        answer.getHeaders().forEach((name, values) -> values.forEach(v -> resp.addHeader(name, v)));
        if (answer.getContentType() != null) {
            resp.setHeader("Content-Type", answer.getContentType());
        }
        if (answer.getBody() != null) {
            resp.setCharacterEncoding("UTF-8");
            resp.getWriter().write(answer.getBody());
        }
    }

    /** Strict: a byte sequence that is not UTF-8 is refused rather than turned into replacement characters. */
    private static String utf8(byte[] body) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body)).toString();
    }

    private static Map<String, List<String>> headers(HttpServletRequest req) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        return headers;
    }
}
