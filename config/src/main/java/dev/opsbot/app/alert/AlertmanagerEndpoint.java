package dev.opsbot.app.alert;

import dev.opsbot.alert.AlertIntake;
import dev.opsbot.alert.Delivered;
import dev.opsbot.alert.WebhookPayload;
import dev.opsbot.chat.RefusalLog;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/alertmanager}: the bearer token is checked before the body is read (401), the
 * body is read up to a limit (413), must be UTF-8 and a version 4 payload (400 with the reason);
 * only then does the delivery reach the core. Bad input never costs more than a refused line in
 * the log. A 503 asks Alertmanager to send again (another instance is declaring the group's
 * incident); a 500 is opsbot's own failure, logged with a reference the answer carries.
 */
final class AlertmanagerEndpoint extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(AlertmanagerEndpoint.class);
    /** Alertmanager sends a group's alerts in one body; thousands of alerts stay well below this. */
    static final int MAX_BODY = 4 << 20;

    private final transient AlertIntake intake;
    private final byte[] expected;
    private final transient RefusalLog refusals;
    private final transient Clock clock;

    AlertmanagerEndpoint(AlertIntake intake, String token, RefusalLog refusals, Clock clock) {
        this.intake = intake;
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.refusals = refusals;
        this.clock = clock;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String from = req.getRemoteAddr();
        String authorization = req.getHeader("Authorization");
        // Compared in constant time, so the answer's timing does not tell how much of a guess was right.
        if (authorization == null
                || !MessageDigest.isEqual(expected, authorization.strip().getBytes(StandardCharsets.UTF_8))) {
            resp.setHeader("WWW-Authenticate", "Bearer");
            refuse(resp, 401, authorization == null ? "no bearer token" : "wrong bearer token", from);
            return;
        }
        if (req.getContentLengthLong() > MAX_BODY) {
            refuse(resp, 413, "body larger than " + MAX_BODY + " bytes", from);
            return;
        }
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(resp, 413, "body larger than " + MAX_BODY + " bytes", from);
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            refuse(resp, 400, "body is not UTF-8", from);
            return;
        }
        WebhookPayload.Reading reading = WebhookPayload.read(text);
        if (reading instanceof WebhookPayload.Unreadable u) {
            refuse(resp, 400, u.reason(), from);
            return;
        }
        Delivered outcome;
        try {
            outcome = intake.deliver(((WebhookPayload.Read) reading).batch(), clock.instant());
        } catch (RuntimeException e) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            log.error("alertmanager webhook: a valid delivery failed, ref={}", ref, e);
            answer(resp, 500, "opsbot could not take this delivery (ref " + ref + "); Alertmanager will send it again");
            return;
        }
        if (outcome instanceof Delivered.Busy) {
            resp.setHeader("Retry-After", "1");
            answer(resp, 503, "another delivery of this group is declaring its incident; send again");
            return;
        }
        answer(resp, 200, describe(outcome));
    }

    private void refuse(HttpServletResponse resp, int status, String reason, String from) throws IOException {
        refusals.refused(status, reason, from);
        answer(resp, status, status == 401 ? "missing or wrong bearer token" : reason);
    }

    private static void answer(HttpServletResponse resp, int status, String text) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(text + "\n");
    }

    static String describe(Delivered d) {
        if (d instanceof Delivered.Opened o) {
            return "opened " + o.incident();
        }
        if (d instanceof Delivered.Updated u) {
            return "updated " + u.incident() + ": " + u.text();
        }
        if (d instanceof Delivered.Unchanged u) {
            return u.incident() == null ? "nothing new" : "nothing new for " + u.incident();
        }
        if (d instanceof Delivered.Notified n) {
            return "notified the alert channel (" + n.why() + ")";
        }
        if (d instanceof Delivered.Expected e) {
            return "expected during " + e.change();
        }
        return d instanceof Delivered.Beat ? "heartbeat noted" : "busy";
    }
}
