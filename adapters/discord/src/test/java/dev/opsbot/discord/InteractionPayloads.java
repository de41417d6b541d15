package dev.opsbot.discord;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/** INTERACTION_CREATE payloads as Discord sends them for a member of the fake guild in #ops. */
public final class InteractionPayloads {

    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();

    private InteractionPayloads() {
    }

    /** A fresh interaction id: JDA reads its creation time from the id and refuses expired ones. */
    public static String newId() {
        return String.valueOf(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) + NEXT.incrementAndGet());
    }

    public static DataObject user(String id, String name) {
        return DataObject.empty().put("id", id).put("username", name).put("global_name", null)
                .put("discriminator", "0").put("avatar", null);
    }

    /** An option value, e.g. {@code option("severity", 3, "sev2")}. */
    public static DataObject option(String name, int type, Object value) {
        return DataObject.empty().put("name", name).put("type", type).put("value", value);
    }

    public static DataObject slash(String id, String userId, String userName, String root, String sub, DataObject... options) {
        DataArray values = DataArray.empty();
        for (DataObject o : options) {
            values.add(o);
        }
        DataObject data = DataObject.empty().put("id", "800").put("name", root).put("type", 1)
                .put("guild_id", FakeGateway.GUILD);
        if (sub != null) {
            data.put("options", DataArray.empty().add(DataObject.empty().put("name", sub).put("type", 1)
                    .put("options", values)));
        } else {
            data.put("options", values);
        }
        return base(id, 2, userId, userName).put("data", data);
    }

    public static DataObject withResolvedUser(DataObject slash, String userId, String userName) {
        DataObject users = DataObject.empty().put(userId, user(userId, userName));
        slash.getObject("data").put("resolved", DataObject.empty().put("users", users));
        return slash;
    }

    /** The member who sent the interaction holds these roles. */
    public static DataObject withMemberRoles(DataObject interaction, String... roleIds) {
        DataArray roles = DataArray.empty();
        for (String id : roleIds) {
            roles.add(id);
        }
        interaction.getObject("member").put("roles", roles);
        return interaction;
    }

    /** A role option's value resolved as Discord sends it alongside. */
    public static DataObject withResolvedRole(DataObject slash, String roleId, String roleName) {
        DataObject roles = DataObject.empty().put(roleId, FakeGateway.role(roleId, roleName, 1));
        slash.getObject("data").put("resolved", DataObject.empty().put("roles", roles));
        return slash;
    }

    public static DataObject autocomplete(String id, String root, String sub, String option, String typed) {
        DataObject focused = DataObject.empty().put("name", option).put("type", 3).put("value", typed)
                .put("focused", true);
        DataObject data = DataObject.empty().put("id", "800").put("name", root).put("type", 1)
                .put("options", DataArray.empty().add(DataObject.empty().put("name", sub).put("type", 1)
                        .put("options", DataArray.empty().add(focused))));
        return base(id, 4, "100", "alice").put("data", data);
    }

    public static DataObject button(String id, String userId, String userName, String customId, boolean onEphemeral) {
        DataObject message = DataObject.empty().put("id", "4242").put("channel_id", FakeGateway.CHANNEL)
                .put("type", 0).put("content", "").put("author", FakeDiscordRest.self())
                .put("embeds", DataArray.empty()).put("components", DataArray.empty())
                .put("attachments", DataArray.empty()).put("mentions", DataArray.empty())
                .put("mention_roles", DataArray.empty()).put("mention_everyone", false).put("pinned", false)
                .put("tts", false).put("timestamp", FakeGateway.TIMESTAMP).put("edited_timestamp", null)
                .put("flags", onEphemeral ? 64 : 0);
        DataObject data = DataObject.empty().put("component_type", 2).put("custom_id", customId);
        return base(id, 3, userId, userName).put("data", data).put("message", message);
    }

    private static DataObject base(String id, int type, String userId, String userName) {
        DataObject member = DataObject.empty().put("user", user(userId, userName)).put("roles", DataArray.empty())
                .put("joined_at", FakeGateway.TIMESTAMP).put("deaf", false).put("mute", false).put("flags", 0)
                .put("nick", null).put("permissions", "2248473465835073");
        return DataObject.empty()
                .put("id", id).put("application_id", FakeDiscordRest.BOT_ID).put("type", type)
                .put("token", "token-" + id).put("version", 1)
                .put("guild_id", FakeGateway.GUILD)
                .put("guild", DataObject.empty().put("id", FakeGateway.GUILD).put("locale", "en-US")
                        .put("features", DataArray.empty()))
                .put("channel_id", FakeGateway.CHANNEL).put("channel", FakeGateway.channel())
                .put("member", member).put("locale", "en-US").put("guild_locale", "en-US")
                .put("app_permissions", "2248473465835073").put("entitlements", DataArray.empty())
                .put("authorizing_integration_owners", DataObject.empty().put("0", FakeGateway.GUILD))
                .put("context", 0);
    }
}
