package dev.opsbot.app;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;

/**
 * Turns a setting opsbot cannot use into one sentence naming the variable, its value and the
 * expected form: a {@link BadSetting} from opsbot's own checks, or a value Spring could not
 * convert (a malformed duration). Ahead of Spring's own analyzers, which explain over several lines.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class SettingFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        BadSetting bad = find(failure, BadSetting.class);
        if (bad != null) {
            return new FailureAnalysis(bad.getMessage(), "", bad);
        }
        BindException bind = find(failure, BindException.class);
        if (bind == null || bind.getProperty() == null || !bind.getName().toString().startsWith("opsbot")) {
            return null;
        }
        ConfigurationProperty property = bind.getProperty();
        ConversionFailedException conversion = find(failure, ConversionFailedException.class);
        Class<?> type = conversion != null ? conversion.getTargetType().getType()
                : bind.getTarget().getType().resolve(Object.class);
        return new FailureAnalysis(variable(property) + "=" + property.getValue() + " is not usable; expected "
                + expected(type) + ".", "", bind);
    }

    /** The environment variable when the value came from one, else the property as it was given. */
    private static String variable(ConfigurationProperty property) {
        Origin origin = property.getOrigin();
        while (origin != null) {
            if (origin instanceof SystemEnvironmentOrigin env) {
                return env.getProperty();
            }
            if (origin instanceof PropertySourceOrigin source) {
                return source.getPropertyName();
            }
            origin = origin.getParent();
        }
        return property.getName().toString();
    }

    private static String expected(Class<?> type) {
        if (type == Duration.class) {
            return "a duration such as 30m, 2h or 1d";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
