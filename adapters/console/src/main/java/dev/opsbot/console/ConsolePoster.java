package dev.opsbot.console;

import dev.opsbot.chat.ChannelPoster;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import java.io.PrintStream;

/** Delivers announcements to console channels by printing them as {@code [#channel] …}. */
public final class ConsolePoster implements ChannelPoster {

    private final PrintStream out;

    public ConsolePoster(PrintStream out) {
        this.out = out;
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    @Override
    public void post(ChannelRef channel, Reply message) {
        String prefix = "[#" + channel.name() + "] ";
        String body = ConsoleText.render(message).stripTrailing().replace("\n", "\n" + " ".repeat(prefix.length()));
        out.println(prefix + body);
        out.flush();
    }
}
