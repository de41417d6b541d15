package dev.opsbot.escalation;

import java.util.function.UnaryOperator;

/** Each service's escalation policy, one document per service; a service without one gets the standard policy. */
public interface EscalationPolicies {

    static EscalationPolicies inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoEscalationPolicies(db);
    }

    EscalationPolicy forService(String service);

    /** Changes a service's policy (starting from the standard one), never losing a concurrent change. */
    EscalationPolicy update(String service, UnaryOperator<EscalationPolicy> change);
}
