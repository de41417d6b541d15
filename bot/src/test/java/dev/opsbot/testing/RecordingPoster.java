package dev.opsbot.testing;

import dev.opsbot.chat.ChannelPoster;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A poster that keeps what it was asked to post, for asserting on announcements. */
public final class RecordingPoster implements ChannelPoster {

    public record Post(ChannelRef channel, Reply message) {
        public String text() {
            return message.plainText();
        }
    }

    private final Platform platform;
    private final List<Post> posts = new CopyOnWriteArrayList<>();

    public RecordingPoster(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public void post(ChannelRef channel, Reply message) {
        posts.add(new Post(channel, message));
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    public List<Post> postsTo(String channelId) {
        return posts.stream().filter(p -> p.channel().id().equals(channelId)).toList();
    }
}
