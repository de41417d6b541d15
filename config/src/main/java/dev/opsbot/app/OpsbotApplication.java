package dev.opsbot.app;

import dev.opsbot.chat.Outbox;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.console.ConsoleImages;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts opsbot. With no chat token it is a terminal on the embedded store; with a Slack or
 * Discord token it is a server (HTTP port, gateways) and reads no input; {@code --console}
 * forces the terminal. {@code slack-manifest} and {@code discord-commands} print and exit.
 */
@SpringBootApplication
public class OpsbotApplication {

    private static final String IGNORE_BACKGROUND_WARM_UP = "spring.backgroundpreinitializer.ignore";

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]", "");
        ConsoleMode.Terminal terminal = new ConsoleMode.Terminal(System.in, out, System.console() != null,
                user.isEmpty() ? "you" : user);
        Integer exit = run(args, terminal, System.getenv());
        if (exit != null) {
            System.exit(exit);
        }
    }

    /**
     * Runs opsbot as {@code java -jar} does. Returns the exit code once a console session or a
     * print-and-exit command ends, or null while a server keeps running.
     */
    public static Integer run(String[] args, ConsoleMode.Terminal terminal, Map<String, String> env) {
        List<String> words = Arrays.asList(args);
        Integer printed = Cli.printAndExit(words, terminal.out(), System.err, env);
        if (printed != null) {
            return printed;
        }
        boolean console = words.contains("--console")
                || (blank(env.get("SLACK_BOT_TOKEN")) && blank(env.get("DISCORD_TOKEN")));
        ConfigurableApplicationContext context = application(console, terminal).run(args);
        if (!console) {
            return null;
        }
        ConsoleMode.runSession(terminal, context.getBean(CommandRouter.class), context.getBean(Outbox.class),
                context.getBean(ConsoleImages.class));
        return SpringApplication.exit(context);
    }

    static SpringApplication application(boolean console, ConsoleMode.Terminal terminal) {
        SpringApplication app = console ? withoutBackgroundWarmUp() : new SpringApplication(OpsbotApplication.class);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("opsbot.mode", console ? "console" : "server");
        if (console) {
            // The terminal belongs to the conversation; only warnings reach it (on stderr).
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setBannerMode(Banner.Mode.OFF);
            app.setLogStartupInfo(false);
            defaults.put("logging.level.root", "WARN");
            defaults.put(ConsoleMode.AUTO_CONFIGURATION, "false");
            app.addInitializers(context -> context.getBeanFactory().registerSingleton("terminal", terminal));
        }
        app.setDefaultProperties(defaults);
        return app;
    }

    /**
     * Spring Boot warms up JSON and HTTP message conversion on a background thread while it starts;
     * the console uses neither, and on a small host that thread takes CPU from the start itself.
     * The switch is a system property read when the application is made, so it is set only then.
     */
    private static SpringApplication withoutBackgroundWarmUp() {
        String before = System.getProperty(IGNORE_BACKGROUND_WARM_UP);
        System.setProperty(IGNORE_BACKGROUND_WARM_UP, "true");
        try {
            return new SpringApplication(OpsbotApplication.class);
        } finally {
            if (before == null) {
                System.clearProperty(IGNORE_BACKGROUND_WARM_UP);
            } else {
                System.setProperty(IGNORE_BACKGROUND_WARM_UP, before);
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
