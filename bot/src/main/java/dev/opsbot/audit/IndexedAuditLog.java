package dev.opsbot.audit;

import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.util.List;

/**
 * The audit log every feature writes to, filing each entry in the {@link AuditTrail} right after
 * storing it. The entry itself is stored first, so a crash between the two loses at most the
 * filing of that one entry, never the entry; {@code audit-export} reads the log itself.
 */
public final class IndexedAuditLog implements AuditLog {

    private final AuditLog log;
    private final AuditTrail trail;

    public IndexedAuditLog(AuditLog log, AuditTrail trail) {
        this.log = log;
        this.trail = trail;
    }

    @Override
    public void append(AuditEntry entry) {
        log.append(entry);
        trail.file(entry);
    }

    @Override
    public List<AuditEntry> forItem(String item, int limit) {
        return log.forItem(item, limit);
    }
}
