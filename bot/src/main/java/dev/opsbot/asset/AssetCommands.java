package dev.opsbot.asset;

import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.optionalPositional;
import static dev.opsbot.command.OptionSpec.positional;
import static dev.opsbot.command.OptionSpec.toggle;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Pages;
import java.util.List;

/**
 * The {@code /asset} command: the inventory people declare (add, set, show, list, journal), how
 * assets and services depend on each other (link, unlink, deps), how complete and true it is
 * (audit), and live verification, which it hands to an {@link AssetVerifier}.
 */
public final class AssetCommands {

    static final int PAGE = 25;

    private static final OptionSpec NAME = positional("name", OptionType.NAME, "The asset, e.g. db-01")
            .suggesting(OptionSpec.Suggest.ASSETS);
    private static final OptionSpec FROM = positional("from", OptionType.NAME, "An asset or a service")
            .suggesting(OptionSpec.Suggest.ASSETS);
    private static final OptionSpec RELATION = OptionSpec.choice("relation", "How the first needs the second",
            Relation.WORDS);
    private static final OptionSpec TO = positional("to", OptionType.NAME, "An asset or a service")
            .suggesting(OptionSpec.Suggest.ASSETS);
    private static final OptionSpec SERVICE = flag("service", OptionType.NAME, "A service")
            .suggesting(OptionSpec.Suggest.SERVICES);

    public static final CommandRoot<AssetCommands> ROOT = CommandRoot.of("asset",
            "The inventory: what runs where, who owns it, what depends on what, and whether it is true",
            CommandSpec.of("add", "Add an asset; you own it until you hand it over", AssetCommands::add)
                    .with(NAME, choiceFlag("type", Asset.TYPES, true), choiceFlag("env", Asset.ENVS, true),
                            choiceFlag("state", Asset.STATES, false),
                            flag("site", OptionType.NAME, "Where it is, e.g. fra1"),
                            flag("rack", OptionType.NAME, "Its rack"),
                            flag("owner", OptionType.USER, "Who owns it; you if not given"), SERVICE,
                            flag("address", OptionType.NAME, "host:port or a URL"),
                            flag("probe", OptionType.TEXT, "How to check it: tcp://, http(s)://, tls://, dns:// or "
                                    + "prom:…; several in quotes"),
                            flag("tag", OptionType.TEXT, "key=value; several in quotes"))
                    .example("/asset add db-01 --type database --env prod --site fra1 --service payments "
                            + "--address db-01:5432 --probe tcp://db-01:5432"),
            CommandSpec.of("set", "Change one field of an asset, with a reason", AssetCommands::set)
                    .with(NAME, OptionSpec.choice("field", "Which field", Asset.SETTABLE),
                            positional("value", OptionType.TEXT, "The new value; - clears it"),
                            flag("reason", OptionType.TEXT, "Why, for the journal"))
                    .example("/asset set db-01 state maintenance --reason \"disk swap\""),
            CommandSpec.of("show", "Show an asset: record, owner, relations, checks and journal",
                    AssetCommands::show).readOnly().with(NAME).example("/asset show db-01"),
            CommandSpec.of("list", "List assets, narrowed by any of the options", AssetCommands::list).readOnly()
                    .with(choiceFlag("type", Asset.TYPES, false), choiceFlag("env", Asset.ENVS, false),
                            flag("site", OptionType.NAME, "Only this site"), SERVICE,
                            choiceFlag("state", Asset.STATES, false),
                            toggle("drift", "Only assets whose last check differed from what is declared"),
                            toggle("stale", "Only assets not verified lately"),
                            flag("page", OptionType.INTEGER, "Which page"))
                    .example("/asset list --env prod --site fra1"),
            CommandSpec.of("journal", "Write a note in an asset's journal", AssetCommands::journal)
                    .with(NAME, positional("note", OptionType.TEXT, "What happened"))
                    .example("/asset journal db-01 replaced PSU B"),
            CommandSpec.<AssetCommands>of("link", "Record that one asset or service needs another",
                            (h, call) -> h.relations.link(call))
                    .with(FROM, RELATION, TO).example("/asset link payments depends-on db-01"),
            CommandSpec.<AssetCommands>of("unlink", "Remove a relation", (h, call) -> h.relations.unlink(call))
                    .with(FROM, RELATION, TO).example("/asset unlink payments depends-on db-01"),
            CommandSpec.<AssetCommands>of("deps", "What depends on this, and what it needs",
                            (h, call) -> h.relations.deps(call)).readOnly()
                    .with(FROM, toggle("up", "Only what breaks if this breaks"),
                            toggle("down", "Only what this needs"),
                            flag("depth", OptionType.INTEGER, "How many steps; all if not given"))
                    .example("/asset deps db-01 --up"),
            CommandSpec.<AssetCommands>of("audit", "How complete and true the inventory is",
                    (h, call) -> h.audit.report(call)).readOnly(),
            CommandSpec.<AssetCommands>of("verify", "Check assets against reality now",
                            (h, call) -> h.verifier.verify(call))
                    .with(optionalPositional("name", OptionType.NAME, "One asset").suggesting(OptionSpec.Suggest.ASSETS),
                            flag("site", OptionType.NAME, "Every asset at this site"), SERVICE,
                            toggle("all", "Every asset"))
                    .example("/asset verify db-01"),
            CommandSpec.<AssetCommands>of("import", "Import assets from a CSV file on this machine (console only)",
                            (h, call) -> h.importer.fromConsole(call))
                    .with(positional("path", OptionType.TEXT, "The file"))
                    .example("/asset import ./assets.csv"));

    private final Inventory inventory;
    private final AssetRelations relations;
    private final InventoryAudit audit;
    private final AssetVerifier verifier;
    private final AssetImport importer;

    public AssetCommands(Inventory inventory, AssetRelations relations, InventoryAudit audit, AssetVerifier verifier) {
        this.inventory = inventory;
        this.relations = relations;
        this.audit = audit;
        this.verifier = verifier;
        this.importer = new AssetImport(inventory);
    }

    private static OptionSpec choiceFlag(String name, List<String> choices, boolean required) {
        return new OptionSpec(name, OptionType.CHOICE, "One of " + String.join(", ", choices), required, false,
                choices, List.of(), OptionSpec.Suggest.NONE);
    }

    Reply add(CommandCall call) {
        var args = call.args();
        Asset asset = Asset.declare(args.text("name"), args.text("type"), args.text("env"),
                args.optionalText("state").orElse(null), args.optionalText("site").orElse(null),
                args.optionalText("rack").orElse(null), args.optionalUser("owner").orElse(null),
                args.optionalText("service").orElse(null), args.optionalText("address").orElse(null),
                Asset.probes(args.optionalText("probe").orElse(null)),
                Asset.tags(args.optionalText("tag").orElse(null)), call.actor(), call.now());
        inventory.add(asset, call.actor(), call.now());
        return inventory.card(asset, Reply.toChannel(Inline.strong(asset.name()) + " added")).build();
    }

    Reply set(CommandCall call) {
        var args = call.args();
        Asset after = inventory.set(args.text("name"), args.text("field"), args.text("value"),
                args.optionalText("reason").orElse(null), call.actor(), call.now());
        return inventory.card(after, Reply.toChannel(Inline.strong(after.name()) + " · " + args.text("field")
                + " is now " + after.value(args.text("field")))).build();
    }

    Reply show(CommandCall call) {
        return inventory.show(inventory.load(call.args().text("name")), relations, call.zone(), call.now());
    }

    Reply list(CommandCall call) {
        return inventory.list(call, Pages.requested(call));
    }

    Reply journal(CommandCall call) {
        Asset asset = inventory.load(call.args().text("name"));
        String note = call.args().text("note");
        inventory.note(asset.name(), "note", note, call.actor(), call.now());
        return Reply.note("Noted in the journal of " + Inline.strong(asset.name()) + ".");
    }
}
