package dev.opsbot.store;

/** Hands out the numbers behind human ids (INC-1, INC-2, …), never the same one twice. */
public interface Counters {

    long next(String sequence);
}
