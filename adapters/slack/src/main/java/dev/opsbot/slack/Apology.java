package dev.opsbot.slack;

import dev.opsbot.chat.Reply;
import java.util.UUID;
import org.slf4j.Logger;

/** What a person sees when something failed on opsbot's side: a short apology whose ref matches the log line. */
final class Apology {

    private Apology() {
    }

    static Reply after(Logger log, String line, Throwable failure) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("slack command failed ref={} line={}", ref, line, failure);
        return Reply.refusal("Sorry, that failed on our side (ref " + ref + "). Try again, "
                + "or give the ref to whoever runs opsbot.", null);
    }
}
