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

    /**
     * {@code value} read as a whole number from {@code least} to {@code most}, or refused naming the
     * variable and {@code expected} (what a person should write, e.g. "a whole number from 0 to 20").
     */
    public static int wholeNumber(String variable, String value, int least, int most, String expected) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= least && n <= most) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw new BadSetting(variable, value, expected);
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
