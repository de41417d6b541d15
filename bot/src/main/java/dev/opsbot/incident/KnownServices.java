package dev.opsbot.incident;

/**
 * Whether a service name exists, so an incident is never declared on a typo. The incident rules
 * do not depend on the service feature; the application plugs it in here.
 */
@FunctionalInterface
public interface KnownServices {

    boolean exists(String name);

    /** Before services exist every name is accepted. */
    KnownServices ANY = name -> true;
}
