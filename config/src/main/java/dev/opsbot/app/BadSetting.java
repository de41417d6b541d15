package dev.opsbot.app;

/**
 * A setting opsbot cannot start with: which variable, what it holds, and what it should look like.
 * {@link SettingFailureAnalyzer} turns it into the one line printed before the process exits.
 */
public final class BadSetting extends RuntimeException {

    private final String variable;
    private final String value;
    private final String expected;

    public BadSetting(String variable, String value, String expected) {
        super(variable + "=" + value + " is not usable; expected " + expected + ".");
        this.variable = variable;
        this.value = value;
        this.expected = expected;
    }

    public String variable() {
        return variable;
    }

    public String value() {
        return value;
    }

    public String expected() {
        return expected;
    }
}
