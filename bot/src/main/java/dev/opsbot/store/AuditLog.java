package dev.opsbot.store;

import java.util.List;

/** The append-only record of every state change. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** The newest entries about one item, newest first. */
    List<AuditEntry> forItem(String item, int limit);
}
