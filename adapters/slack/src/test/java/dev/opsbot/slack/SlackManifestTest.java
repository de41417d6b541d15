package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.OpsbotCatalog;
import dev.opsbot.command.CommandCatalog;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.chat.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The manifest parses as YAML and keeps the rules of Slack's manifest schema. */
class SlackManifestTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yaml) {
        return new Yaml().load(yaml);
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> map, String... path) {
        Object v = map;
        for (String key : path) {
            v = ((Map<String, Object>) v).get(key);
        }
        return (T) v;
    }

    @Test
    void everyCatalogRootIsASlashCommandThatSlacksSchemaAccepts() {
        CommandCatalog catalog = OpsbotCatalog.standard();

        Map<String, Object> m = parse(SlackManifest.render(catalog,
                Map.of("SLACK_REQUEST_URL", "https://ops.example.com/slack/events")));

        String name = at(m, "display_information", "name");
        assertThat(name).isEqualTo("opsbot").hasSizeLessThanOrEqualTo(35);
        assertThat((String) at(m, "features", "bot_user", "display_name")).isNotBlank();
        List<Map<String, Object>> commands = at(m, "features", "slash_commands");
        List<String> expected = new java.util.ArrayList<>(List.of("/help"));
        catalog.roots().forEach(r -> expected.add("/" + r.name()));
        assertThat(commands).extracting(c -> c.get("command")).containsExactlyElementsOf(expected);
        for (Map<String, Object> c : commands) {
            assertThat((String) c.get("command")).startsWith("/").hasSizeLessThanOrEqualTo(32);
            assertThat((String) c.get("description")).isNotBlank().hasSizeLessThanOrEqualTo(2000);
            assertThat((String) c.get("usage_hint")).hasSizeLessThanOrEqualTo(1000);
            assertThat(c.get("url")).isEqualTo("https://ops.example.com/slack/events");
            assertThat(c.get("should_escape")).isEqualTo(true);
        }
        assertThat((String) commands.get(1).get("usage_hint")).contains("declare", "ack", "resolve");
        assertThat((List<String>) at(m, "oauth_config", "scopes", "bot"))
                .containsExactlyInAnyOrder("commands", "chat:write", "chat:write.public", "users:read", "files:write");
        assertThat((Boolean) at(m, "settings", "interactivity", "is_enabled")).isTrue();
        assertThat((String) at(m, "settings", "interactivity", "request_url"))
                .isEqualTo("https://ops.example.com/slack/events");
        assertThat((Boolean) at(m, "settings", "socket_mode_enabled")).isFalse();
        assertThat((Integer) at(m, "_metadata", "major_version")).isEqualTo(1);
    }

    @Test
    void withAnAppTokenTheManifestAsksForSocketModeAndNeedsNoUrls() {
        Map<String, Object> m = parse(SlackManifest.render(OpsbotCatalog.standard(),
                Map.of("SLACK_APP_TOKEN", "xapp-1", "SLACK_APP_NAME", "ops: \"night\" bot")));

        assertThat((Boolean) at(m, "settings", "socket_mode_enabled")).isTrue();
        assertThat((Map<String, Object>) at(m, "settings", "interactivity")).doesNotContainKey("request_url");
        List<Map<String, Object>> commands = at(m, "features", "slash_commands");
        assertThat(commands).allSatisfy(c -> assertThat(c).doesNotContainKey("url"));
        assertThat((String) at(m, "display_information", "name")).isEqualTo("ops: \"night\" bot");
    }

    @Test
    void withoutAUrlInHttpModeThePlaceholderIsMarkedForReplacing() {
        String yaml = SlackManifest.render(OpsbotCatalog.standard(), Map.of());

        assertThat(yaml).contains("# Replace " + SlackManifest.PLACEHOLDER_URL);
        assertThat((String) at(parse(yaml), "settings", "interactivity", "request_url"))
                .isEqualTo(SlackManifest.PLACEHOLDER_URL);
    }

    @Test
    void aNewCommandRootAppearsWithNoAdapterChange() {
        CommandRoot<Object> change = CommandRoot.of("change", "Request: and approve changes; \"quoted\" # not a comment",
                CommandSpec.of("request", "Ask for a change", (Object h, dev.opsbot.command.CommandCall c) ->
                        Reply.note("ok")));
        CommandCatalog catalog = new CommandCatalog(List.of(change));

        List<Map<String, Object>> commands = at(parse(SlackManifest.render(catalog, Map.of())),
                "features", "slash_commands");

        assertThat(commands).extracting(c -> c.get("command")).containsExactly("/help", "/change");
        assertThat(commands.get(1)).satisfies(c -> {
            assertThat(c.get("command")).isEqualTo("/change");
            assertThat(c.get("description")).isEqualTo("Request: and approve changes; \"quoted\" # not a comment");
        });
    }

    @Test
    void helpIsASlashCommandOfTheManifestSoItReachesTheRouterInSlack() {
        List<Map<String, Object>> commands = at(parse(SlackManifest.render(OpsbotCatalog.standard(), Map.of())),
                "features", "slash_commands");

        assertThat(commands).filteredOn(c -> "/help".equals(c.get("command"))).singleElement()
                .satisfies(c -> assertThat(c.get("usage_hint")).isEqualTo("[command]"));
    }

    @Test
    void theDescriptionNamesOnlyCommandsThatExist() {
        String description = at(parse(SlackManifest.render(OpsbotCatalog.standard(), Map.of())),
                "display_information", "description");

        // Every command it names is a root of the catalog or /help, and /help is always named.
        assertThat(description).hasSizeLessThanOrEqualTo(SlackManifest.APP_DESCRIPTION_MAX).contains("/help");
        List<String> known = new java.util.ArrayList<>(List.of("help"));
        OpsbotCatalog.roots().forEach(r -> known.add(r.name()));
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("/([a-z]+)").matcher(description);
        while (named.find()) {
            assertThat(known).as("/%s in the description", named.group(1)).contains(named.group(1));
        }
        List<CommandRoot<?>> roots = new java.util.ArrayList<>();
        for (int n = 0; n < 20; n++) {
            roots.add(CommandRoot.of("feature" + n, "Feature " + n,
                    CommandSpec.of("run", "Run", (Object h, dev.opsbot.command.CommandCall c) -> Reply.note("ok"))));
        }
        assertThat(SlackManifest.description(new CommandCatalog(roots.subList(0, 2)))).isEqualTo(
                "ChatOps for infrastructure operations: /feature0, /feature1, /help.");
        CommandCatalog many = new CommandCatalog(roots);
        assertThat(SlackManifest.description(many)).hasSizeLessThanOrEqualTo(SlackManifest.APP_DESCRIPTION_MAX)
                .startsWith("ChatOps for infrastructure operations: /feature0, /feature1, ")
                .endsWith("; /help lists all.").doesNotContain("/feature19");
    }
}
