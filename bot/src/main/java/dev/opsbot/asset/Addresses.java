package dev.opsbot.asset;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The keys an address is found by: {@code db-01:5432} under itself and under {@code db-01};
 * {@code https://api.example.com/health} under {@code api.example.com}; so an alert's
 * {@code instance} label finds the asset with or without a port, and two assets on one host:port
 * are seen as duplicates.
 */
final class Addresses {

    private Addresses() {
    }

    static Set<String> keys(String address) {
        Set<String> keys = new LinkedHashSet<>();
        if (address == null || address.isBlank()) {
            return keys;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.contains("://")) {
            try {
                URI uri = URI.create(a);
                if (uri.getHost() != null) {
                    if (uri.getPort() > 0) {
                        keys.add(uri.getHost() + ":" + uri.getPort());
                    }
                    keys.add(uri.getHost());
                    return keys;
                }
            } catch (IllegalArgumentException e) {
                // Not a URL after all: filed as typed below.
            }
            keys.add(a);
            return keys;
        }
        keys.add(a);
        int colon = a.lastIndexOf(':');
        if (colon > 0 && a.indexOf(':') == colon && a.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            keys.add(a.substring(0, colon));
        }
        return keys;
    }

    /** The most specific key: host:port when there is a port, else the host; what duplicates are judged by. */
    static String exact(String address) {
        return keys(address).stream().findFirst().orElse("");
    }
}
