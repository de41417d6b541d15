package dev.opsbot.app.discord;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Discord runs when a bot token is set, and not in the terminal: there the conversation is local. */
final class DiscordEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String token = context.getEnvironment().getProperty("DISCORD_TOKEN", "");
        return !token.isBlank() && !"console".equals(context.getEnvironment().getProperty("opsbot.mode"));
    }
}
