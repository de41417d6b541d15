package dev.opsbot.escalation;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.incident.Severity;
import dev.opsbot.store.MongoAggregates;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bson.Document;

/** Policies in {@code escalation_policies}, the service name as {@code _id}; timeouts in seconds. */
final class MongoEscalationPolicies implements EscalationPolicies {

    private final MongoAggregates<EscalationPolicy> policies;

    MongoEscalationPolicies(MongoDatabase db) {
        this.policies = new MongoAggregates<>(db.getCollection("escalation_policies"), new Codec());
    }

    @Override
    public EscalationPolicy forService(String service) {
        return policies.find(service).orElseGet(() -> EscalationPolicy.standard(service));
    }

    @Override
    public EscalationPolicy update(String service, UnaryOperator<EscalationPolicy> change) {
        if (policies.find(service).isEmpty()) {
            // If someone stores it first, the versioned update below applies on top of theirs.
            policies.add(EscalationPolicy.standard(service));
        }
        return policies.update(service, change).orElseThrow().after();
    }

    private static final class Codec implements MongoAggregates.Codec<EscalationPolicy> {
        @Override
        public Document encode(EscalationPolicy p) {
            Document timeouts = new Document();
            p.timeouts().forEach((sev, d) -> timeouts.append(sev.name(), d.toSeconds()));
            return new Document("_id", p.service())
                    .append("levels", p.levels().stream().map(Level::name).toList())
                    .append("timeoutSeconds", timeouts);
        }

        @Override
        public EscalationPolicy decode(Document d) {
            Map<Severity, Duration> timeouts = new EnumMap<>(Severity.class);
            Document stored = d.get("timeoutSeconds", Document.class);
            stored.forEach((sev, seconds) -> timeouts.put(Severity.valueOf(sev),
                    Duration.ofSeconds(((Number) seconds).longValue())));
            return new EscalationPolicy(d.getString("_id"),
                    d.getList("levels", String.class).stream().map(Level::valueOf).toList(), timeouts);
        }
    }
}
