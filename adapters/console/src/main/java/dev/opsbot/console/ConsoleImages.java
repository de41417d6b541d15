package dev.opsbot.console;

import dev.opsbot.chat.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A terminal shows no pictures, so a reply's images are written as files under one directory
 * ({@code OPSBOT_DATA_DIR/charts/}) and the console prints where each one is.
 */
public final class ConsoleImages {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;

    public ConsoleImages(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Writes the reply's images and returns one line per image naming its file; empty without images. */
    String save(Reply reply) {
        StringBuilder sb = new StringBuilder();
        String stamp = STAMP.format(clock.instant());
        for (Reply.Image image : reply.images()) {
            String name = stamp + "-" + image.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
            try {
                Files.createDirectories(dir);
                Path file = dir.resolve(name);
                Files.write(file, image.png());
                sb.append("  Chart: ").append(file.toAbsolutePath().normalize()).append('\n');
            } catch (IOException e) {
                sb.append("  The chart ").append(image.fileName()).append(" could not be written to ").append(dir)
                        .append(": ").append(e.getClass().getSimpleName()).append('\n');
            }
        }
        return sb.toString();
    }
}
