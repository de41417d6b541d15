package dev.opsbot.probe;

import dev.opsbot.asset.Asset;
import dev.opsbot.command.Refusal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The probes an asset is checked with: those declared on it, read as {@link ProbeSpec}s. An asset
 * with no probe but a declared address is checked at that address (a URL with a GET, host:port
 * with a connect), so an inventory that only lists addresses is still verified. A {@code dns://}
 * probe without its own {@code #address} expects the declared address's host.
 */
final class AssetProbes {

    private AssetProbes() {
    }

    /** A probe to run, or the sentence saying why a declared one cannot be. */
    record Planned(ProbeSpec spec, String unreadable, String typed) {

        static Planned of(String typed, String declaredHost) {
            try {
                ProbeSpec spec = ProbeSpec.parse(typed);
                return new Planned(spec instanceof ProbeSpec.Dns dns ? dns.expecting(declaredHost) : spec, "", typed);
            } catch (Refusal e) {
                return new Planned(null, e.getMessage(), typed);
            }
        }
    }

    static List<Planned> of(Asset asset) {
        String host = host(asset.address());
        List<Planned> planned = new ArrayList<>();
        for (String typed : asset.probes()) {
            planned.add(Planned.of(typed, host));
        }
        if (planned.isEmpty() && asset.address() != null) {
            fromAddress(asset.address()).ifPresent(p -> planned.add(Planned.of(p, host)));
        }
        return planned;
    }

    private static java.util.Optional<String> fromAddress(String address) {
        String a = address.strip();
        if (a.regionMatches(true, 0, "http://", 0, 7) || a.regionMatches(true, 0, "https://", 0, 8)) {
            return java.util.Optional.of(a);
        }
        int colon = a.lastIndexOf(':');
        boolean hostPort = colon > 0 && a.substring(colon + 1).matches("[0-9]{1,5}")
                && (a.indexOf(':') == colon || a.startsWith("["));
        return hostPort ? java.util.Optional.of("tcp://" + a) : java.util.Optional.empty();
    }

    /** The host part of a declared address ({@code db-01:5432}, a URL, or a bare host); empty when none. */
    static String host(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String a = address.strip();
        if (a.contains("://")) {
            try {
                String h = URI.create(a).getHost();
                return h == null ? "" : h.replaceAll("^\\[|\\]$", "");
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        if (a.startsWith("[") && a.indexOf(']') > 0) {
            return a.substring(1, a.indexOf(']'));
        }
        int colon = a.lastIndexOf(':');
        return colon > 0 && a.indexOf(':') == colon ? a.substring(0, colon) : a;
    }
}
