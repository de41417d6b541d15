package dev.opsbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.OpsbotCatalog;
import dev.opsbot.command.CommandCatalog;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

/** The registration JSON for the whole catalog, checked against Discord's documented limits. */
class DiscordRegistrationTest {

    // From Discord's application command documentation.
    private static final Pattern NAME = Pattern.compile("^[-_\\p{L}\\p{N}\\p{IsDevanagari}\\p{IsThai}]{1,32}$");
    private static final int MAX_COMMANDS = 100;
    private static final int MAX_OPTIONS = 25;
    private static final int MAX_CHOICES = 25;
    private static final int MAX_COMMAND_CHARS = 4000;

    private final CommandCatalog catalog = OpsbotCatalog.standard();
    private final DataArray commands = DataArray.fromJson(DiscordRegistration.json(catalog));

    @Test
    void everyCatalogRootAndSubcommandIsRegistered_plusHelp() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < commands.length(); i++) {
            names.add(commands.getObject(i).getString("name"));
        }
        List<String> expected = new ArrayList<>(List.of("help"));
        catalog.roots().forEach(r -> expected.add(r.name()));
        assertThat(names).containsExactlyElementsOf(expected);

        for (CommandRoot<?> root : catalog.roots()) {
            DataObject command = command(root.name());
            List<String> subs = new ArrayList<>();
            DataArray options = command.getArray("options");
            for (int i = 0; i < options.length(); i++) {
                assertThat(options.getObject(i).getInt("type")).as("subcommand type").isEqualTo(1);
                subs.add(options.getObject(i).getString("name"));
            }
            List<String> declared = new ArrayList<>(root.commands().stream().map(CommandSpec::name).toList());
            declared.add("help");
            assertThat(subs).as("/" + root.name()).containsExactlyElementsOf(declared);
        }
    }

    @Test
    void everyCommandKeepsWithinDiscordsLimits() {
        assertThat(commands.length()).isLessThanOrEqualTo(MAX_COMMANDS);
        for (int i = 0; i < commands.length(); i++) {
            DataObject command = commands.getObject(i);
            String where = "/" + command.getString("name");
            checkNameAndDescription(command, where);
            assertThat(command.getInt("type")).isEqualTo(1);
            assertThat(command.getArray("contexts").toList()).as(where + " is for guilds").containsExactly("0");
            checkOptions(command.getArray("options"), where);
            assertThat(characters(command)).as(where + " total characters").isLessThanOrEqualTo(MAX_COMMAND_CHARS);
        }
    }

    @Test
    void optionsAreTypedRequiredFirstWithChoicesAndAutocomplete() {
        DataArray declare = sub("incident", "declare").getArray("options");
        assertThat(declare.getObject(0).getString("name")).isEqualTo("severity");
        assertThat(declare.getObject(0).getInt("type")).isEqualTo(3);
        assertThat(declare.getObject(0).getBoolean("required")).isTrue();
        assertThat(declare.getObject(0).getArray("choices").length()).isEqualTo(4);
        assertThat(declare.getObject(0).getArray("choices").getObject(0).getString("value")).isEqualTo("sev1");
        assertThat(declare.getObject(1).getString("name")).isEqualTo("title");
        assertThat(declare.getObject(2).getString("name")).isEqualTo("service");
        assertThat(declare.getObject(2).getBoolean("required")).isFalse();

        DataObject id = sub("incident", "ack").getArray("options").getObject(0);
        assertThat(id.getBoolean("autocomplete")).isTrue();
        assertThat(id.getBoolean("required")).isTrue();

        assertThat(sub("incident", "assign").getArray("options").getObject(1).getInt("type")).as("USER").isEqualTo(6);
        assertThat(sub("incident", "list").getArray("options").getObject(0).getInt("type")).as("BOOLEAN").isEqualTo(5);
    }

    @Test
    void valuesDiscordCannotTypeAreStringsThatSayHowToWriteThem() {
        OptionSpec every = OptionSpec.flag("every", OptionType.DURATION, "How often");
        OptionSpec guests = OptionSpec.flag("guests", OptionType.USERS, "Who else");
        OptionSpec where = OptionSpec.flag("in", OptionType.CHANNEL, "Where");
        OptionSpec level = new OptionSpec("level", OptionType.CHOICE, "x".repeat(120), true, true,
                java.util.stream.IntStream.range(0, 30).mapToObj(n -> "c" + n).toList(), List.of(), OptionSpec.Suggest.NONE);

        assertThat(DiscordRegistration.option(every).toData().getString("description")).isEqualTo("How often");
        assertThat(DiscordRegistration.option(guests).toData().getString("description"))
                .isEqualTo("Who else (mention them, comma-separated)");
        assertThat(DiscordRegistration.option(guests).toData().getInt("type")).isEqualTo(3);
        assertThat(DiscordRegistration.option(where).toData().getInt("type")).isEqualTo(7);
        assertThat(DiscordRegistration.option(where).toData().getArray("channel_types").toList()).containsExactly(0, 5);
        DataObject tooMany = DiscordRegistration.option(level).toData();
        assertThat(tooMany.getString("description")).hasSize(100).endsWith("…");
        assertThat(tooMany.optArray("choices").map(DataArray::length).orElse(0)).isZero();
        assertThat(tooMany.getBoolean("autocomplete")).isTrue();
    }

    @Test
    void oneWordNamesAreStringsAndKeepTheirAutocomplete() {
        DataObject name = sub("service", "show").getArray("options").getObject(0);
        assertThat(name.getString("name")).isEqualTo("name");
        assertThat(name.getInt("type")).as("STRING").isEqualTo(3);
        assertThat(name.getBoolean("autocomplete", false)).isTrue();
        OptionSpec plain = OptionSpec.positional("rotation", OptionType.NAME, "Which rotation");
        assertThat(DiscordRegistration.option(plain).toData().getInt("type")).isEqualTo(3);
        assertThat(DiscordRegistration.option(plain).toData().getBoolean("autocomplete", false)).isFalse();
    }

    private void checkOptions(DataArray options, String where) {
        assertThat(options.length()).as(where + " options").isLessThanOrEqualTo(MAX_OPTIONS);
        boolean optionalSeen = false;
        for (int i = 0; i < options.length(); i++) {
            DataObject o = options.getObject(i);
            String path = where + " " + o.getString("name");
            checkNameAndDescription(o, path);
            int type = o.getInt("type");
            if (type == 1 || type == 2) {
                checkOptions(o.optArray("options").orElseGet(DataArray::empty), path);
                continue;
            }
            boolean required = o.getBoolean("required", false);
            assertThat(required && optionalSeen).as(path + " comes after an optional option").isFalse();
            optionalSeen |= !required;
            DataArray choices = o.optArray("choices").orElseGet(DataArray::empty);
            assertThat(choices.length()).as(path + " choices").isLessThanOrEqualTo(MAX_CHOICES);
            assertThat(choices.length() > 0 && o.getBoolean("autocomplete", false))
                    .as(path + " cannot have both choices and autocomplete").isFalse();
            for (int c = 0; c < choices.length(); c++) {
                assertThat(choices.getObject(c).getString("name")).hasSizeBetween(1, 100);
                assertThat(choices.getObject(c).getString("value")).hasSizeBetween(1, 100);
            }
        }
    }

    private static void checkNameAndDescription(DataObject o, String where) {
        String name = o.getString("name");
        assertThat(name).as(where + " name").matches(NAME).isLowerCase();
        assertThat(o.getString("description")).as(where + " description").hasSizeBetween(1, 100);
    }

    /** Names, descriptions and choice names and values, summed over the command and all it contains. */
    private static int characters(DataObject o) {
        int sum = o.getString("name").length() + o.getString("description", "").length();
        DataArray choices = o.optArray("choices").orElseGet(DataArray::empty);
        for (int c = 0; c < choices.length(); c++) {
            sum += choices.getObject(c).getString("name").length()
                    + String.valueOf(choices.getObject(c).get("value")).length();
        }
        DataArray options = o.optArray("options").orElseGet(DataArray::empty);
        for (int i = 0; i < options.length(); i++) {
            sum += characters(options.getObject(i));
        }
        return sum;
    }

    private DataObject command(String name) {
        for (int i = 0; i < commands.length(); i++) {
            if (commands.getObject(i).getString("name").equals(name)) {
                return commands.getObject(i);
            }
        }
        throw new AssertionError("no command " + name);
    }

    /**
     * Discord shows an option's description and nothing else, so it must promise only what the
     * command accepts: the catalog's words whole (their examples are checked against the commands
     * in the core), with nothing added but how several people are written.
     */
    @Test
    void everyOptionDescriptionIsTheCatalogsWholeWithNoExamplesOfItsOwn() {
        for (CommandRoot<?> root : catalog.roots()) {
            for (CommandSpec<?> spec : root.commands()) {
                DataArray options = sub(root.name(), spec.name()).optArray("options").orElse(DataArray.empty());
                for (OptionSpec o : spec.options()) {
                    String shown = null;
                    for (int i = 0; i < options.length(); i++) {
                        if (options.getObject(i).getString("name").equals(o.name())) {
                            shown = options.getObject(i).getString("description");
                        }
                    }
                    String expected = o.description() + (o.type() == OptionType.USERS
                            ? " (mention them, comma-separated)" : "");
                    assertThat(shown).as("/%s %s --%s", root.name(), spec.name(), o.name()).isEqualTo(expected);
                }
            }
        }
    }

    private DataObject sub(String root, String sub) {
        DataArray options = command(root).getArray("options");
        for (int i = 0; i < options.length(); i++) {
            if (options.getObject(i).getString("name").equals(sub)) {
                return options.getObject(i);
            }
        }
        throw new AssertionError("no subcommand " + root + " " + sub);
    }
}
