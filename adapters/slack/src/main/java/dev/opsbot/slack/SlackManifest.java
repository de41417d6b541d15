package dev.opsbot.slack;

import dev.opsbot.command.CommandCatalog;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import java.util.List;
import java.util.Map;

/**
 * The Slack app manifest (YAML), generated from the catalog so a new command reaches Slack by
 * pasting the new manifest. Environment: {@code SLACK_APP_NAME} (default opsbot),
 * {@code SLACK_REQUEST_URL} (where Slack posts in HTTP mode, e.g.
 * {@code https://opsbot.example.com/slack/events}), {@code SLACK_APP_TOKEN} (Socket Mode).
 */
public final class SlackManifest {

    static final List<String> BOT_SCOPES = List.of("commands", "chat:write", "chat:write.public", "users:read",
            "files:write");
    static final String PLACEHOLDER_URL = "https://YOUR-OPSBOT-HOST/slack/events";

    private static final int NAME_MAX = 35;
    private static final int COMMAND_MAX = 32;
    private static final int DESCRIPTION_MAX = 2000;
    /** Slack's limit for the app's short description. */
    static final int APP_DESCRIPTION_MAX = 140;
    private static final int USAGE_HINT_MAX = 1000;

    private SlackManifest() {
    }

    public static String render(CommandCatalog catalog, Map<String, String> env) {
        String name = value(env, "SLACK_APP_NAME", "opsbot");
        boolean socketMode = !value(env, "SLACK_APP_TOKEN", "").isEmpty();
        String given = value(env, "SLACK_REQUEST_URL", "");
        String url = socketMode ? null : given.isEmpty() ? PLACEHOLDER_URL : given;

        StringBuilder y = new StringBuilder();
        y.append("# Slack app manifest for ").append(name).append(", generated from its command catalog.\n");
        if (!socketMode && given.isEmpty()) {
            y.append("# Replace ").append(PLACEHOLDER_URL)
                    .append(" with opsbot's public URL (or set SLACK_REQUEST_URL and print this again).\n");
        }
        y.append("_metadata:\n  major_version: 1\n  minor_version: 1\n");
        y.append("display_information:\n");
        y.append("  name: ").append(quote(cut(name, NAME_MAX))).append('\n');
        y.append("  description: ").append(quote(description(catalog))).append('\n');
        y.append("features:\n");
        y.append("  bot_user:\n    display_name: ").append(quote(cut(name, NAME_MAX)))
                .append("\n    always_online: true\n");
        y.append("  slash_commands:\n");
        // Every command Slack sends reaches the router, which answers /help itself.
        slashCommand(y, "/help", "Every opsbot command, or one command's subcommands", "[command]", url);
        for (CommandRoot<?> root : catalog.roots()) {
            slashCommand(y, "/" + root.name(), root.summary(), usageHint(root), url);
        }
        y.append("oauth_config:\n  scopes:\n    bot:\n");
        for (String scope : BOT_SCOPES) {
            y.append("      - ").append(scope).append('\n');
        }
        y.append("settings:\n  interactivity:\n    is_enabled: true\n");
        if (url != null) {
            y.append("    request_url: ").append(quote(url)).append('\n');
        }
        y.append("  org_deploy_enabled: false\n");
        y.append("  socket_mode_enabled: ").append(socketMode).append('\n');
        y.append("  token_rotation_enabled: false\n");
        return y.toString();
    }

    private static void slashCommand(StringBuilder y, String command, String description, String usageHint,
            String url) {
        if (command.length() > COMMAND_MAX) {
            throw new IllegalStateException("Slack allows " + COMMAND_MAX + " characters in a command: " + command);
        }
        y.append("    - command: ").append(quote(command)).append('\n');
        if (url != null) {
            y.append("      url: ").append(quote(url)).append('\n');
        }
        y.append("      description: ").append(quote(cut(description, DESCRIPTION_MAX))).append('\n');
        y.append("      usage_hint: ").append(quote(cut(usageHint, USAGE_HINT_MAX))).append('\n');
        y.append("      should_escape: true\n");
    }

    /**
     * Names only the commands this build has, in catalog order; when they no longer all fit Slack's
     * limit, as many as fit, and /help for the rest.
     */
    static String description(CommandCatalog catalog) {
        String what = "ChatOps for infrastructure operations";
        List<String> names = catalog.roots().stream().map(r -> "/" + r.name()).toList();
        String all = what + ": " + String.join(", ", names) + ", /help.";
        if (all.length() <= APP_DESCRIPTION_MAX) {
            return all;
        }
        String rest = "; /help lists all.";
        StringBuilder some = new StringBuilder(what).append(":");
        for (String name : names) {
            if (some.length() + 1 + name.length() + 1 + rest.length() > APP_DESCRIPTION_MAX) {
                break;
            }
            some.append(some.charAt(some.length() - 1) == ':' ? " " : ", ").append(name);
        }
        return some.charAt(some.length() - 1) == ':' ? what + "; /help lists its commands." : some + rest;
    }

    private static String usageHint(CommandRoot<?> root) {
        return String.join(" | ", root.commands().stream().map(CommandSpec::name).toList()) + " | help";
    }

    private static String value(Map<String, String> env, String key, String otherwise) {
        String v = env.get(key);
        return v == null || v.isBlank() ? otherwise : v.strip();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A YAML double-quoted scalar: safe for any text, including colons, quotes and leading dashes. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
