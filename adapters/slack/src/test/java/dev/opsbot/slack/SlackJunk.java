package dev.opsbot.slack;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bodies no Slack request looks like, or Slack requests missing what opsbot needs: what anyone
 * who can reach {@code /slack/events} may send. Sent unsigned they must get 401; signed with the
 * right secret, 400. Never a 500, never a stack trace in the log.
 */
public final class SlackJunk {

    public record Body(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private SlackJunk() {
    }

    public static List<Body> bodies() {
        List<Body> all = new ArrayList<>();
        all.add(text("payload that is not JSON", "payload={not json"));
        all.add(text("payload that is not JSON, encoded", "payload=%7Bnot+json"));
        all.add(text("payload that is a JSON array", "payload=%5B1%2C2%5D"));
        all.add(text("payload without a type", "payload=%7B%7D"));
        all.add(click("click without user", p -> p.remove("user")));
        all.add(click("click without container", p -> p.remove("container")));
        all.add(click("click without any channel", p -> {
            p.remove("channel");
            p.getAsJsonObject("container").remove("channel_id");
        }));
        all.add(click("click without trigger_id", p -> p.remove("trigger_id")));
        all.add(click("click without team", p -> {
            p.remove("team");
            p.getAsJsonObject("user").remove("team_id");
        }));
        all.add(click("click without actions", p -> p.remove("actions")));
        all.add(click("click with a user that is a string", p -> p.addProperty("user", "U1")));
        all.add(click("click on a button that is not opsbot's", p -> p.getAsJsonArray("actions").get(0)
                .getAsJsonObject().addProperty("action_id", "someone-else")));
        all.add(click("view submission", p -> p.addProperty("type", "view_submission")));
        all.add(text("bad percent-encoding", "%zz"));
        all.add(text("bad percent-encoding in a command", command("text=%zz")));
        all.add(text("slash command without user_id", command("user_id=")));
        all.add(text("slash command without channel_id", command("channel_id=")));
        all.add(text("slash command without team_id", command("team_id=")));
        all.add(text("slash command without trigger_id", command("trigger_id=")));
        all.add(text("form Slack never sends", "foo=bar"));
        all.add(text("events API JSON", "{\"type\":\"url_verification\",\"challenge\":\"abc\",\"token\":\"t\"}"));
        all.add(text("empty body", ""));
        all.add(new Body("binary", binary()));
        return all;
    }

    private static Body text(String name, String body) {
        return new Body(name, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Body click(String name, java.util.function.Consumer<JsonObject> spoil) {
        JsonObject p = SlackClient.clickPayload("U1", "C1", "1700000000.000100", false, "opsbot-b1",
                BlockKit.ACTION_PREFIX + "0", "/incident list", "http://127.0.0.1:9/response", "1.2.junk");
        spoil.accept(p);
        return text(name, SlackClient.formOf(p));
    }

    /** A slash command with every field, one of them replaced by {@code spoiled} ("name=value"). */
    private static String command(String spoiled) {
        String name = spoiled.substring(0, spoiled.indexOf('=') + 1);
        StringBuilder form = new StringBuilder();
        for (String field : SlackClient.commandBody("U1", "C1", "/incident", "list", "http://127.0.0.1:9/response",
                "1.2.junk").split("&")) {
            form.append(form.isEmpty() ? "" : "&").append(field.startsWith(name) ? spoiled : field);
        }
        return form.toString();
    }

    private static byte[] binary() {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37 + 11);
        }
        bytes[0] = (byte) 0xff;
        bytes[1] = (byte) 0xfe;
        return bytes;
    }
}
