package dev.opsbot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/** Reading Block Kit JSON in assertions. */
public final class Json {

    private Json() {
    }

    public static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    public static JsonArray parseArray(String json) {
        return JsonParser.parseString(json).getAsJsonArray();
    }

    /** Every string value anywhere in the document, in order: what Slack would get to interpret. */
    public static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    public static String allText(JsonElement e) {
        return String.join("\n", strings(e));
    }

    /** The first actions block of a message. */
    public static JsonObject actions(JsonArray blocks) {
        for (JsonElement b : blocks) {
            if (b.getAsJsonObject().get("type").getAsString().equals("actions")) {
                return b.getAsJsonObject();
            }
        }
        throw new AssertionError("no actions block in " + blocks);
    }

    /** The button with this label in a message's actions block. */
    public static JsonObject button(JsonArray blocks, String label) {
        for (JsonElement e : actions(blocks).getAsJsonArray("elements")) {
            JsonObject button = e.getAsJsonObject();
            if (button.getAsJsonObject("text").get("text").getAsString().equals(label)) {
                return button;
            }
        }
        throw new AssertionError("no button " + label + " in " + blocks);
    }

    private static void collect(JsonElement e, List<String> out) {
        if (e == null || e.isJsonNull()) {
            return;
        }
        if (e.isJsonPrimitive()) {
            if (e.getAsJsonPrimitive().isString()) {
                out.add(e.getAsString());
            }
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collect(x, out));
        } else {
            e.getAsJsonObject().entrySet().forEach(x -> collect(x.getValue(), out));
        }
    }
}
