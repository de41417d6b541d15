package dev.opsbot.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.ownership.HandoverFollowUps;
import dev.opsbot.ownership.HandoverOffers;
import dev.opsbot.ownership.IncidentOwners;
import dev.opsbot.ownership.OwnerCommands;
import dev.opsbot.ownership.Owners;
import dev.opsbot.ownership.ServiceOwners;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.service.Services;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The post-incident review waits on whoever owns the incident, however it changed hands. */
class ReviewFollowsOwnerTest {

    private final ClockedCore bot = new ClockedCore();

    @BeforeEach
    void bobResolvesINC1WhileHisHandoverToCarolWaits() {
        Services services = Services.inMongo(bot.core.store.database());
        HandoverOffers offers = HandoverOffers.inMongo(bot.core.store.database());
        Owners owners = new Owners(List.of(new IncidentOwners(bot.core.incidents, services),
                new ServiceOwners(services)));
        HandoverFollowUps handovers = new HandoverFollowUps(offers, owners, bot.due, bot.core.outbox, bot.core.audit);
        bot.handlers.register(handovers);
        bot.core.with(OwnerCommands.ROOT.handledBy(new OwnerCommands(owners, offers, handovers, bot.core.audit)));

        bot.run("alice", "/incident declare sev2 db latency");
        bot.run("bob", "/incident ack INC-1");
        bot.run("bob", "/owner handover INC-1 @carol");
        bot.run("bob", "/incident resolve INC-1 failed over");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private List<String> mine(String who) {
        return bot.run(who, "/followup list --mine").rows().stream().map(Inline::plain).toList();
    }

    @Test
    void anAcceptedHandoverMovesTheReviewToTheNewOwnerAtOnce() {
        assertThat(mine("bob")).singleElement().asString().contains("Post-incident review of INC-1");

        bot.run("carol", "/owner accept INC-1");

        assertThat(bot.due.find(IncidentFollowUps.reviewId("INC-1")).orElseThrow().data())
                .containsEntry(DueItem.OWNER, "console:carol");
        assertThat(mine("carol")).singleElement().asString().contains("Post-incident review of INC-1")
                .contains("@carol");
        assertThat(bot.run("bob", "/followup list --mine").plainText()).contains("No follow-ups are waiting on you.");

        bot.tick(Duration.ofDays(2));
        assertThat(bot.opsTexts()).filteredOn(t -> t.startsWith("Post-incident review due")).singleElement()
                .asString().contains("@carol: INC-1 was resolved");
        assertThat(mine("carol")).singleElement().asString().contains("overdue");
    }

    @Test
    void aReminderNamesTheOwnerAtFireTimeEvenIfTheChangeWasMadeElsewhere() {
        // Another instance (or anything that does not tell the listeners) gives the incident to dave.
        bot.core.incidents.update("INC-1", i -> i.assign(Actor.console("x"), Actor.console("dave"),
                bot.clock().instant()));

        bot.tick(Duration.ofDays(2));

        assertThat(bot.opsTexts()).filteredOn(t -> t.startsWith("Post-incident review due")).singleElement()
                .asString().contains("@dave: INC-1 was resolved").doesNotContain("@bob");
        assertThat(bot.due.find(IncidentFollowUps.reviewId("INC-1")).orElseThrow().data())
                .containsEntry(DueItem.OWNER, "console:dave");
    }

}
