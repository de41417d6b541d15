package dev.opsbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Reply;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentParsingTest {

    private final Probe probe = new Probe();

    private void assertRefused(String line, String sentence) {
        int callsBefore = probe.calls;
        Reply reply = probe.run(line);
        assertThat(reply.text()).isEqualTo(sentence);
        assertThat(reply.visibility()).isEqualTo(Reply.Visibility.ONLY_ME);
        assertThat(reply.footer()).startsWith("Usage: /probe ");
        assertThat(probe.calls).as("the handler must not run for bad input").isEqualTo(callsBefore);
    }

    @Test
    void theLastTextPositionalTakesTheRestOfTheLine() {
        Arguments args = probe.parse("/probe say low the db is   slow");
        assertThat(args.text("level")).isEqualTo("low");
        assertThat(args.text("words")).isEqualTo("the db is slow");
    }

    @Test
    void quotedTextKeepsItsSpacing() {
        assertThat(probe.parse("/probe say low \"a  b\"").text("words")).isEqualTo("a  b");
    }

    @Test
    void namedOptionsMayComeAnywhereAmongThePositionals() {
        Arguments args = probe.parse("/probe say --tag db low the db is slow");
        assertThat(args.text("tag")).isEqualTo("db");
        assertThat(args.text("words")).isEqualTo("the db is slow");
        assertThat(probe.parse("/probe say low the db --tag=db is slow").text("words")).isEqualTo("the db is slow");
    }

    @Test
    void choicesIgnoreCaseAndReturnTheDeclaredSpelling() {
        assertThat(probe.parse("/probe say LOW x").text("level")).isEqualTo("low");
        assertThat(probe.parse("/probe say high x").text("level")).isEqualTo("High");
    }

    @Test
    void aWrongChoiceNamesTheWordAndTheChoices() {
        assertRefused("/probe say loud x", "“loud” is not a valid level; choose low or High.");
    }

    @Test
    void integers() {
        assertThat(probe.parse("/probe count 42").integer("n")).isEqualTo(42L);
        assertThat(probe.parse("/probe count -3").integer("n")).isEqualTo(-3L);
        assertRefused("/probe count forty", "“forty” is not a whole number for n.");
        assertRefused("/probe count 99999999999999999999", "“99999999999999999999” is not a whole number for n.");
    }

    @ParameterizedTest
    @CsvSource({"30m, PT30M", "2h, PT2H", "1d, PT24H", "1w, PT168H", "1h30m, PT1H30M", "45s, PT45S",
            "2H, PT2H", "1d12h, PT36H"})
    void durations(String word, String iso) {
        assertThat(probe.parse("/probe count 1 " + word).duration("every")).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "m", "1x", "0m", "h30", "1h30", "-5m", "1.5h", "1h-30m", "1234567m"})
    void badDurationsAreNamed(String word) {
        assertRefused("/probe count 1 " + word,
                "“" + word + "” is not a duration; write it like 30m, 2h, 1d or 1h30m.");
    }

    @Test
    void anAbsentOptionalPositionalIsAbsent() {
        Arguments args = probe.parse("/probe count 1");
        assertThat(args.has("every")).isFalse();
        assertThat(args.optionalDuration("every")).isEmpty();
    }

    @Test
    void switchesAreTrueWhenGivenAndAbsentOtherwise() {
        assertThat(probe.parse("/probe count 1 --dry").flag("dry")).isTrue();
        assertThat(probe.parse("/probe count 1").flag("dry")).isFalse();
        assertThat(probe.parse("/probe count --DRY 1").flag("dry")).as("option names ignore case").isTrue();
    }

    @Test
    void usersAndChannelsAreReadWithThePlatformsMentions() {
        Arguments args = probe.parse("/probe meet @bob --guests @carol,dave --in #payments --zone Europe/London");
        assertThat(args.user("who")).isEqualTo(Actor.console("bob"));
        assertThat(args.users("guests")).containsExactly(Actor.console("carol"), Actor.console("dave"));
        assertThat(args.channel("in")).isEqualTo(ChannelRef.console("payments"));
        assertThat(args.zone("zone")).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void badPeopleChannelsAndZonesAreNamed() {
        assertRefused("/probe meet @", "“@” is not a person; mention them, like @alice.");
        assertRefused("/probe meet @everyone", "“@everyone” is not a person; mention them, like @alice.");
        assertRefused("/probe meet @bob --guests @carol,@here", "“@here” is not a person; mention them, like @alice.");
        assertRefused("/probe meet @bob --guests @carol,@!x", "“@!x” is not a person; mention them, like @alice.");
        assertRefused("/probe meet @bob --guests ,", "Name at least one person, like @alice,@bob.");
        assertRefused("/probe meet @bob --in #<oops>", "“#<oops>” is not a channel; write it like #ops.");
        assertRefused("/probe meet @bob --zone Mars/Olympus",
                "“Mars/Olympus” is not a time zone; write it like Europe/London or UTC.");
    }

    @Test
    void itemIdsAreNormalisedAndTheirPrefixChecked() {
        Arguments args = probe.parse("/probe link chg-007 inc-42");
        assertThat(args.text("change")).isEqualTo("CHG-7");
        assertThat(args.text("any")).isEqualTo("INC-42");
        assertRefused("/probe link INC-7", "“INC-7” is not an id like CHG-42.");
        assertRefused("/probe link 42", "“42” is not an id like CHG-42.");
        assertRefused("/probe link CHG-1 what", "“what” is not an id like INC-42.");
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertRefused("/probe count 1 --loud", "There is no option --loud for this command.");
        assertRefused("/probe count 1 --loud=yes", "There is no option --loud for this command.");
    }

    @Test
    void anOptionGivenTwiceIsNamed() {
        assertRefused("/probe say low x --tag a --tag=b", "The option --tag is given twice.");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertRefused("/probe say low x --tag", "The option --tag needs a value.");
    }

    @Test
    void aMissingRequiredArgumentIsNamed() {
        assertRefused("/probe say", "Missing <low|High>.");
        assertRefused("/probe say low", "Missing <words>.");
        assertRefused("/probe meet", "Missing <@user>.");
    }

    @Test
    void anExtraArgumentIsNamed() {
        assertRefused("/probe count 1 2h surplus", "I did not expect “surplus” there.");
    }
}
