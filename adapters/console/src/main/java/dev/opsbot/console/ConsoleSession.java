package dev.opsbot.console;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Outbox;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Invocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * A terminal where people type the same slash commands as in chat. One terminal can play a
 * whole team: {@code /as bob} switches the acting person, {@code /in #ops} the channel.
 * Piped input works line by line; each command is echoed so a transcript reads like a chat.
 */
public final class ConsoleSession {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final CommandRouter router;
    private final Outbox outbox;
    private final PrintStream out;
    private final boolean interactive;
    private Actor actor;
    private ChannelRef channel;

    public ConsoleSession(CommandRouter router, Outbox outbox, PrintStream out, boolean interactive, String user,
            String channelName) {
        this.router = router;
        this.outbox = outbox;
        this.out = out;
        this.interactive = interactive;
        this.actor = Actor.console(user);
        this.channel = ChannelRef.console(channelName);
    }

    /** Reads commands until end of input or {@code /quit}. */
    public void run(BufferedReader in) {
        if (interactive) {
            out.println("opsbot console — type /help, /as <name> to act as someone, /quit to leave.");
        }
        try {
            while (true) {
                if (interactive) {
                    out.print(prompt());
                    out.flush();
                }
                String line = in.readLine();
                if (line == null || !handle(line)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Handles one line; false when the session should end. */
    boolean handle(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return true;
        }
        if (!interactive) {
            out.println(prompt() + line);
        }
        String[] words = line.split("\\s+", 2);
        switch (words[0]) {
            case "/quit", "/exit" -> {
                return false;
            }
            case "/as" -> switchActor(words.length > 1 ? words[1] : "");
            case "/in" -> switchChannel(words.length > 1 ? words[1] : "");
            default -> {
                Reply reply = router.handle(Invocation.of(actor, channel, line));
                print(reply);
                outbox.deliverDue();
            }
        }
        return true;
    }

    private void switchActor(String arg) {
        String name = arg.strip().replaceFirst("^@", "");
        if (!NAME.matcher(name).matches()) {
            print(Reply.refusal("Give a name to act as, like /as bob.", "/as <name>"));
            return;
        }
        actor = Actor.console(name);
        print(Reply.note("You are now " + name + "."));
    }

    private void switchChannel(String arg) {
        String name = arg.strip().replaceFirst("^#", "");
        if (!NAME.matcher(name).matches()) {
            print(Reply.refusal("Give a channel to speak in, like /in #ops.", "/in <#channel>"));
            return;
        }
        channel = ChannelRef.console(name);
        print(Reply.note("You are now in #" + name + "."));
    }

    private void print(Reply reply) {
        String text = ConsoleText.render(reply);
        out.print(reply.isPrivate() ? indentPrivate(text) : text);
        out.flush();
    }

    /** Private replies are marked, as chat platforms mark "only visible to you". */
    private static String indentPrivate(String text) {
        return "(only you) " + text;
    }

    private String prompt() {
        return actor.name() + "@#" + channel.name() + "> ";
    }
}
