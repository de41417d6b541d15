package dev.opsbot.discord;

import dev.opsbot.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * A reply's images as message attachments, each shown by an embed that references it
 * ({@code attachment://name}): the reply's own embed shows the first, and one more embed per
 * further image, within Discord's ten embeds a message.
 */
final class DiscordAttachments {

    private static final int MOST_EMBEDS = 10;

    private DiscordAttachments() {
    }

    static List<FileUpload> files(Reply reply) {
        List<FileUpload> files = new ArrayList<>();
        for (Reply.Image image : shown(reply)) {
            files.add(FileUpload.fromData(image.png(), name(image)).setDescription(cut(image.altText(), 1024)));
        }
        return files;
    }

    static List<MessageEmbed> embeds(Reply reply, List<MessageEmbed> own) {
        List<Reply.Image> images = shown(reply);
        if (images.isEmpty()) {
            return own;
        }
        List<MessageEmbed> out = new ArrayList<>();
        int next = 0;
        if (!own.isEmpty()) {
            out.add(new EmbedBuilder(own.get(0)).setImage("attachment://" + name(images.get(0))).build());
            out.addAll(own.subList(1, own.size()));
            next = 1;
        }
        for (int i = next; i < images.size() && out.size() < MOST_EMBEDS; i++) {
            out.add(new EmbedBuilder().setImage("attachment://" + name(images.get(i))).build());
        }
        return out;
    }

    private static List<Reply.Image> shown(Reply reply) {
        return reply.images().stream().limit(MOST_EMBEDS).toList();
    }

    /** Discord resolves attachment:// only for plain names. */
    private static String name(Reply.Image image) {
        return image.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
