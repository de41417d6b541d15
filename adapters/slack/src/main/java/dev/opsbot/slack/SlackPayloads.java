package dev.opsbot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SSLCheckRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What opsbot needs in a request before it can act on it: who, where, which workspace and which
 * trigger, and for a click which of opsbot's buttons. The HTTP endpoint refuses requests missing
 * any of it with 400; in Socket Mode, where Slack needs only an ack, the handlers ack and drop them.
 */
final class SlackPayloads {

    static final Pattern OUR_BUTTONS = Pattern.compile("^" + Pattern.quote(BlockKit.ACTION_PREFIX) + "\\d+$");

    private SlackPayloads() {
    }

    /**
     * Why a verified body is not a slash command, a click or Slack's certificate check, or empty
     * when it is one. Checked before Bolt parses the body: Bolt logs a body it cannot classify in
     * full, and throws on bad percent-encoding or a payload that is not JSON.
     */
    static Optional<String> formProblem(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                form.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                return Optional.of("bad percent-encoding");
            }
        }
        if (form.containsKey("payload")) {
            return payloadProblem(form.get("payload"));
        }
        if (form.containsKey("command")) {
            return form.get("command").startsWith("/") ? Optional.empty()
                    : Optional.of("slash command without a command");
        }
        if (form.containsKey("ssl_check")) {
            return Optional.empty();
        }
        return Optional.of("neither a slash command nor a click");
    }

    private static Optional<String> payloadProblem(String json) {
        JsonElement payload;
        try {
            payload = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            return Optional.of("payload is not JSON");
        }
        if (!payload.isJsonObject()) {
            return Optional.of("payload is not a JSON object");
        }
        JsonElement type = payload.getAsJsonObject().get("type");
        boolean click = type != null && type.isJsonPrimitive() && BlockActionPayload.TYPE.equals(type.getAsString());
        return click ? Optional.empty() : Optional.of("payload is not a click");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Why opsbot cannot act on a parsed request, or empty when it can. */
    static Optional<String> problem(Request<?> request) {
        if (request instanceof SlashCommandRequest command) {
            return problem(command.getPayload());
        }
        if (request instanceof BlockActionRequest click) {
            return problem(click.getPayload());
        }
        if (request instanceof SSLCheckRequest) {
            return Optional.empty();
        }
        return Optional.of("not a slash command or a button click");
    }

    static Optional<String> problem(SlashCommandPayload p) {
        if (p == null) {
            return Optional.of("empty slash command");
        }
        if (blank(p.getCommand()) || !p.getCommand().startsWith("/")) {
            return Optional.of("slash command without a command");
        }
        return missing(List.of(
                new Field("user_id", p.getUserId()),
                new Field("channel_id", p.getChannelId()),
                new Field("team_id", p.getTeamId()),
                new Field("trigger_id", p.getTriggerId())))
                .map(name -> "slash command without " + name);
    }

    static Optional<String> problem(BlockActionPayload p) {
        if (p == null) {
            return Optional.of("empty click");
        }
        if (p.getActions() == null || p.getActions().size() != 1 || p.getActions().get(0) == null) {
            return Optional.of("click without exactly one action");
        }
        BlockActionPayload.Action action = p.getActions().get(0);
        if (action.getActionId() == null || !OUR_BUTTONS.matcher(action.getActionId()).matches()) {
            return Optional.of("click on a button that is not opsbot's");
        }
        if (p.getContainer() == null) {
            return Optional.of("click without a container");
        }
        BlockActionPayload.User user = p.getUser();
        return missing(List.of(
                new Field("user", user == null ? null : user.getId()),
                new Field("team", p.getTeam() != null ? p.getTeam().getId() : user == null ? null : user.getTeamId()),
                new Field("channel", channelOf(p)),
                new Field("trigger_id", p.getTriggerId()),
                new Field("block_id", action.getBlockId()),
                new Field("value", action.getValue())))
                .map(name -> "click without " + name);
    }

    /** The channel a click happened in: the payload's channel, else the container's. */
    static String channelOf(BlockActionPayload p) {
        if (p.getChannel() != null && !blank(p.getChannel().getId())) {
            return p.getChannel().getId();
        }
        return p.getContainer() == null ? null : p.getContainer().getChannelId();
    }

    private record Field(String name, String value) {
    }

    private static Optional<String> missing(List<Field> fields) {
        return fields.stream().filter(f -> blank(f.value())).map(Field::name).findFirst();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
