package dev.opsbot.discord;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Enough of Discord's gateway on loopback for one bot session: HELLO, IDENTIFY answered with
 * READY and one guild (text channels #ops and #incidents), heartbeat ACKs, then whatever interactions a test
 * dispatches.
 */
public final class FakeGateway extends WebSocketServer {

    public static final String GUILD = "300";
    public static final String CHANNEL = "500";
    public static final String INCIDENTS = "501";
    /** A role of the guild besides @everyone, named "SRE". */
    public static final String SRE_ROLE = "700";
    public static final String TIMESTAMP = "2026-11-27T14:00:00.000000+00:00";

    private final List<DataObject> identifies = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile WebSocket session;

    public FakeGateway() throws InterruptedException {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fake gateway did not start");
        }
    }

    public String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    public List<DataObject> identifies() {
        return List.copyOf(identifies);
    }

    public List<String> paths() {
        return List.copyOf(paths);
    }

    /** Sends a dispatch (op 0) of {@code type} to the connected bot. */
    public void dispatch(String type, DataObject data) {
        WebSocket s = session;
        if (s == null) {
            throw new IllegalStateException("no bot is connected");
        }
        s.send(DataObject.empty().put("op", 0).put("s", sequence.incrementAndGet()).put("t", type).put("d", data)
                .toString());
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        session = conn;
        paths.add(handshake.getResourceDescriptor());
        conn.send(DataObject.empty().put("op", 10).put("d", DataObject.empty().put("heartbeat_interval", 41_250))
                .toString());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        DataObject payload = DataObject.fromJson(message);
        switch (payload.getInt("op")) {
            case 1 -> conn.send("{\"op\":11}");
            case 2 -> {
                identifies.add(payload.getObject("d"));
                dispatch("READY", ready());
                dispatch("GUILD_CREATE", guild());
            }
            default -> {
            }
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        if (session == conn) {
            session = null;
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    private DataObject ready() {
        return DataObject.empty()
                .put("v", 10)
                .put("user", FakeDiscordRest.self())
                .put("guilds", DataArray.empty().add(DataObject.empty().put("id", GUILD).put("unavailable", true)))
                .put("session_id", "fake-session")
                .put("resume_gateway_url", url())
                .put("application", DataObject.empty().put("id", FakeDiscordRest.BOT_ID).put("flags", 0))
                .put("private_channels", DataArray.empty());
    }

    public static DataObject channel() {
        return channel(CHANNEL, "ops");
    }

    private static DataObject channel(String id, String name) {
        return DataObject.empty().put("id", id).put("type", 0).put("name", name).put("position", 0)
                .put("guild_id", GUILD).put("permission_overwrites", DataArray.empty()).put("nsfw", false)
                .put("parent_id", null).put("topic", null).put("last_message_id", null)
                .put("rate_limit_per_user", 0).put("flags", 0);
    }

    public static DataObject role(String id, String name, int position) {
        return DataObject.empty().put("id", id).put("name", name).put("permissions", "0").put("position", position)
                .put("color", 0).put("hoist", false).put("managed", false).put("mentionable", true).put("flags", 0);
    }

    private static DataObject guild() {
        DataObject everyone = DataObject.empty().put("id", GUILD).put("name", "@everyone")
                .put("permissions", "2248473465835073").put("position", 0).put("color", 0).put("hoist", false)
                .put("managed", false).put("mentionable", false).put("flags", 0);
        DataObject selfMember = DataObject.empty().put("user", FakeDiscordRest.self()).put("roles", DataArray.empty())
                .put("joined_at", TIMESTAMP).put("deaf", false).put("mute", false).put("flags", 0);
        return DataObject.empty()
                .put("id", GUILD).put("name", "ops team").put("unavailable", false).put("owner_id", "1")
                .put("icon", null).put("splash", null).put("banner", null).put("description", null)
                .put("afk_timeout", 300).put("afk_channel_id", null).put("system_channel_id", null)
                .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                .put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0).put("premium_subscription_count", 0)
                .put("preferred_locale", "en-US").put("system_channel_flags", 0).put("features", DataArray.empty())
                .put("joined_at", TIMESTAMP).put("large", false).put("member_count", 2)
                .put("roles", DataArray.empty().add(everyone).add(role(SRE_ROLE, "SRE", 1)))
                .put("channels", DataArray.empty().add(channel()).add(channel(INCIDENTS, "incidents")))
                .put("members", DataArray.empty().add(selfMember))
                .put("threads", DataArray.empty()).put("emojis", DataArray.empty()).put("stickers", DataArray.empty())
                .put("voice_states", DataArray.empty()).put("presences", DataArray.empty())
                .put("guild_scheduled_events", DataArray.empty()).put("stage_instances", DataArray.empty());
    }
}
