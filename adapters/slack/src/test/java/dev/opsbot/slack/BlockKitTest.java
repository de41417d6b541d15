package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import dev.opsbot.chat.Reply;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockKitTest {

    @Test
    void aReplyBecomesHeaderTextFieldsRowsContextAndButtons() {
        Reply reply = Reply.toChannel("INC-7 · sev1 · db down")
                .text("Declared.")
                .field("Status", "declared")
                .field("Owner", "nobody")
                .row("first row")
                .footer("Usage: /incident ack <INC-N>")
                .button("Acknowledge", "/incident ack INC-7", Reply.Button.Style.PRIMARY)
                .button("Reopen", "/incident reopen INC-7", Reply.Button.Style.DANGER)
                .build();

        List<LayoutBlock> blocks = BlockKit.render(reply).blocks();

        assertThat(blocks).extracting(LayoutBlock::getType)
                .containsExactly("header", "section", "section", "section", "context", "actions");
        assertThat(((HeaderBlock) blocks.get(0)).getText().getText()).isEqualTo("INC-7 · sev1 · db down");
        assertThat(((SectionBlock) blocks.get(2)).getFields()).hasSize(2);
        assertThat(Json.allText(Json.parse(GsonFactory.createSnakeCase().toJson(blocks.get(4)))))
                .contains("Usage: /incident ack &lt;INC-N&gt;");
        ActionsBlock actions = (ActionsBlock) blocks.get(5);
        assertThat(actions.getBlockId()).startsWith(BlockKit.BLOCK_PREFIX);
        ButtonElement first = (ButtonElement) actions.getElements().get(0);
        ButtonElement second = (ButtonElement) actions.getElements().get(1);
        assertThat(first.getActionId()).isEqualTo("opsbot-run-0");
        assertThat(first.getValue()).isEqualTo("/incident ack INC-7");
        assertThat(first.getStyle()).isEqualTo("primary");
        assertThat(second.getStyle()).isEqualTo("danger");
    }

    @Test
    void eachRenderingGetsItsOwnBlockIdSoDoubleClicksCanBeToldFromNewClicks() {
        Reply reply = Reply.toChannel("t").button("Go", "/incident list").build();

        String one = ((ActionsBlock) BlockKit.render(reply).blocks().get(1)).getBlockId();
        String two = ((ActionsBlock) BlockKit.render(reply).blocks().get(1)).getBlockId();

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void longAnswersAreCutToSlacksLimitsInsteadOfBeingRejected() {
        List<String> rows = IntStream.range(0, 2000).mapToObj(i -> "row " + i + " " + "x".repeat(100)).toList();
        Reply.Builder b = Reply.onlyMe("T".repeat(400)).rows(rows).footer("end");
        IntStream.range(0, 23).forEach(i -> b.field("f" + i, "v"));
        IntStream.range(0, 30).forEach(i -> b.button("B" + i, "/incident show INC-" + i));

        List<LayoutBlock> blocks = BlockKit.render(b.build()).blocks();

        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        assertThat(((HeaderBlock) blocks.get(0)).getText().getText()).hasSizeLessThanOrEqualTo(150);
        for (LayoutBlock block : blocks) {
            if (block instanceof SectionBlock s) {
                if (s.getText() != null) {
                    assertThat(s.getText().getText()).hasSizeLessThanOrEqualTo(3000);
                }
                if (s.getFields() != null) {
                    assertThat(s.getFields()).hasSizeLessThanOrEqualTo(10);
                }
            }
        }
        assertThat(blocks).filteredOn(x -> x instanceof ActionsBlock).singleElement()
                .satisfies(a -> assertThat(((ActionsBlock) a).getElements()).hasSize(25));
        assertThat(blocks).filteredOn(x -> x instanceof ContextBlock)
                .anySatisfy(c -> assertThat(GsonFactory.createSnakeCase().toJson(c)).contains("more not shown"));
        assertThat(blocks.get(blocks.size() - 1)).isInstanceOf(ActionsBlock.class);
    }

    @Test
    void cuttingNeverSplitsAnEscapeOrAMention() {
        assertThat(BlockKit.cut("abc &amp; def", 7)).isEqualTo("abc …");
        assertThat(BlockKit.cut("hi <@U12345> there", 8)).isEqualTo("hi …");
        assertThat(BlockKit.cut("short", 10)).isEqualTo("short");
    }

    @Test
    void blocksSerialiseToTheJsonSlackExpects() {
        Reply reply = Reply.toChannel("Title").field("A", "b").button("Go", "/incident list").build();

        JsonArray json = Json.parseArray(GsonFactory.createSnakeCase().toJson(BlockKit.render(reply).blocks()));

        assertThat(json.get(0).getAsJsonObject().getAsJsonObject("text").get("type").getAsString())
                .isEqualTo("plain_text");
        assertThat(json.get(1).getAsJsonObject().getAsJsonArray("fields").get(0).getAsJsonObject().get("type")
                .getAsString()).isEqualTo("mrkdwn");
        assertThat(Json.button(json, "Go").get("type").getAsString()).isEqualTo("button");
    }
}
