package dev.opsbot.app.alert;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The webhook listens in a server with a token; without one, anyone could open incidents. */
final class AlertmanagerHookEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        return !env.getProperty(AlertConfiguration.TOKEN, "").isBlank()
                && !"console".equals(env.getProperty("opsbot.mode"));
    }
}
