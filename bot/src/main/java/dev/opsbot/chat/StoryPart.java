package dev.opsbot.chat;

/**
 * Where an announcement stands in a story told in one channel (an incident, from its declaration
 * to its close). The {@code opening} is the message later parts edit and reply under where the
 * platform can; a later part carries the current {@code card} (the announcement's message) and the
 * {@code line} that says what happened. A {@code quiet} part goes to the channel where whoever
 * made the change got their answer: there the opening is brought up to date, but nothing is said.
 */
record StoryPart(String story, boolean opening, Reply line, boolean quiet) {

    static StoryPart opens(String story) {
        return new StoryPart(story, true, null, false);
    }

    static StoryPart continues(String story, Reply line, boolean quiet) {
        return new StoryPart(story, false, line, quiet);
    }
}
