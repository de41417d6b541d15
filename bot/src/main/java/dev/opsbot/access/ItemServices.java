package dev.opsbot.access;

import java.util.Optional;

/**
 * How a feature tells which service one of its items belongs to — an incident its service, a
 * service itself — so a grant scoped to a service applies to commands on its items. Empty when
 * the item is not this feature's, or belongs to no service.
 */
@FunctionalInterface
public interface ItemServices {

    Optional<String> serviceOf(String item);
}
