package dev.opsbot.slack;

import com.slack.api.Slack;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers through a request's {@code response_url}: the way to speak after the 3-second ack,
 * and to replace or add to the message a button sat on. The URL is valid for 30 minutes.
 */
final class ResponseUrls {

    private static final Logger log = LoggerFactory.getLogger(ResponseUrls.class);

    private final Slack slack;

    ResponseUrls(Slack slack) {
        this.slack = slack;
    }

    /** Sends a JSON body (a Bolt response object); a log line when Slack did not take it. */
    void send(String responseUrl, Object body) {
        if (responseUrl == null || responseUrl.isBlank()) {
            log.warn("no response_url to answer through");
            return;
        }
        try (Response response = slack.getHttpClient().postJsonBody(responseUrl, body)) {
            if (!response.isSuccessful()) {
                log.warn("response_url answered HTTP {}", response.code());
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("could not answer through response_url: {}", e.toString());
        }
    }
}
