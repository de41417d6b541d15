package dev.opsbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import org.junit.jupiter.api.Test;

class ConsoleTextTest {

    @Test
    void sectionTitlesStandApartFromTheirBulletedRows() {
        Reply digest = Reply.onlyMe("Digest")
                .row(Inline.strong("Open incidents"))
                .row(Inline.strong("INC-1") + " · sev1 · checkout down")
                .build();
        assertThat(ConsoleText.render(digest)).isEqualTo("""
                Digest
                  Open incidents
                  • INC-1 · sev1 · checkout down
                """);
    }

    @Test
    void buttonsShowTheCommandTheyRun() {
        Reply card = Reply.toChannel("INC-1").button("Acknowledge", "/incident ack INC-1").build();
        assertThat(ConsoleText.render(card)).contains("[Acknowledge: /incident ack INC-1]");
    }
}
