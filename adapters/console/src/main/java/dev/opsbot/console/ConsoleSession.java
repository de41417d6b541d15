package dev.opsbot.console;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Outbox;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Invocation;
import dev.opsbot.command.MentionSyntax;
import dev.opsbot.command.PlainMentions;
import dev.opsbot.command.TypedText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * A terminal where people type the same slash commands as in chat. One terminal can play a
 * whole team: {@code /as bob} switches the acting person, {@code /in #ops} the channel.
 * Piped input works line by line; each command is echoed so a transcript reads like a chat.
 */
public final class ConsoleSession {

    /** The same reading of @names and #channels that console commands use. */
    private static final MentionSyntax NAMES = new PlainMentions(Platform.CONSOLE);

    private final CommandRouter router;
    private final Outbox outbox;
    private final PrintStream out;
    private final boolean interactive;
    private Actor actor;
    private ChannelRef channel;
    private ConsoleImages images;

    public ConsoleSession(CommandRouter router, Outbox outbox, PrintStream out, boolean interactive, String user,
            String channelName) {
        this.router = router;
        this.outbox = outbox;
        this.out = out;
        this.interactive = interactive;
        this.actor = Actor.console(user);
        this.channel = ChannelRef.console(channelName);
    }

    /** Writes the images of replies (charts) as files and prints their paths. */
    public ConsoleSession showingImagesWith(ConsoleImages files) {
        this.images = files;
        return this;
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
                String line = readLine(in);
                if (line == null || !handle(line)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One line up to a newline (a CR-LF counts as one). {@link BufferedReader#readLine} also ends
     * a line at a lone carriage return, which would run the rest of a pasted line as a second
     * command; here the CR stays in the line and the router's normalising turns it into a space.
     * Null at end of input.
     */
    static String readLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return stripFinalCr(line);
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : stripFinalCr(line);
    }

    private static String stripFinalCr(StringBuilder line) {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    /** Handles one line; false when the session should end. */
    boolean handle(String raw) {
        // Normalised before the echo, so a pasted escape sequence or bell never reaches the terminal.
        String line = TypedText.normalise(raw).strip();
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
        var person = NAMES.user(arg.strip());
        if (person.isEmpty()) {
            print(Reply.refusal("Give a name to act as, like /as bob.", "/as <name>"));
            return;
        }
        actor = person.get();
        print(Reply.note("You are now " + actor.name() + "."));
    }

    private void switchChannel(String arg) {
        var place = NAMES.channel(arg.strip());
        if (place.isEmpty()) {
            print(Reply.refusal("Give a channel to speak in, like /in #ops.", "/in <#channel>"));
            return;
        }
        channel = place.get();
        print(Reply.note("You are now in #" + channel.name() + "."));
    }

    private void print(Reply reply) {
        String text = ConsoleText.render(reply) + (images == null ? "" : images.save(reply));
        out.print(reply.isPrivate() ? markPrivate(text) : text);
        out.flush();
    }

    /** Private replies are marked, as chat platforms mark "only visible to you". */
    private static String markPrivate(String text) {
        return "(only you) " + text;
    }

    private String prompt() {
        return actor.name() + "@#" + channel.name() + "> ";
    }
}
