package dev.opsbot.problem;

/**
 * How problems learn about a change named as their fix: whether it is recorded and whether it
 * was completed. Changes are a feature of their own; until one is wired, {@link #NONE} answers
 * that changes are not recorded here, so a fix cannot be checked.
 */
@FunctionalInterface
public interface ChangeLookup {

    ChangeLookup NONE = id -> new Unrecorded();

    Found find(String changeId);

    /** What is known about a change. */
    sealed interface Found permits Unrecorded, Missing, Recorded {
    }

    /** This instance does not record changes at all. */
    record Unrecorded() implements Found {
    }

    /** Changes are recorded, but not this one. */
    record Missing() implements Found {
    }

    /** The change as recorded: {@code completed} once it was carried out successfully. */
    record Recorded(String id, String title, boolean completed) implements Found {
    }
}
