package dev.opsbot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestSectionTest {

    @Test
    void aLongListShowsItsFirstItemsAndCountsTheRestWithWhereToSeeThem() {
        assertThat(DigestSection.firstOf(List.of(1, 2, 3, 4), 2, n -> "item " + n, "/incident list --open"))
                .containsExactly("item 1", "item 2", "+2 more: /incident list --open");
        assertThat(DigestSection.firstOf(List.of(1, 2, 3), 2, n -> "item " + n, null))
                .containsExactly("item 1", "item 2", "+1 more");
    }

    @Test
    void aListThatFitsIsShownWhole() {
        assertThat(DigestSection.firstOf(List.of(1, 2), 2, n -> "item " + n, "/followup list"))
                .containsExactly("item 1", "item 2");
        assertThat(DigestSection.firstOf(List.<Integer>of(), 2, n -> "item " + n, null)).isEmpty();
    }
}
