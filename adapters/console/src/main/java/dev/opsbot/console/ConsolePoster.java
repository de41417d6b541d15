package dev.opsbot.console;

import dev.opsbot.chat.ChannelPoster;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import java.io.PrintStream;

/** Delivers announcements to console channels by printing them as {@code [#channel] …}. */
public final class ConsolePoster implements ChannelPoster {

    private final PrintStream out;
    private final ConsoleImages images;

    public ConsolePoster(PrintStream out) {
        this(out, null);
    }

    /** Also writes the images of announcements (charts) as files and prints their paths. */
    public ConsolePoster(PrintStream out, ConsoleImages images) {
        this.out = out;
        this.images = images;
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    @Override
    public void post(ChannelRef channel, Reply message) {
        String prefix = "[#" + channel.name() + "] ";
        String body = (ConsoleText.render(message) + (images == null ? "" : images.save(message))).stripTrailing().replace("\n", "\n" + " ".repeat(prefix.length()));
        out.println(prefix + body);
        out.flush();
    }
}
