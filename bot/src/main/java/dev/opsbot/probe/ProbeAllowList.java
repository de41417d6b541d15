package dev.opsbot.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which targets probes may reach ({@code OPSBOT_PROBE_ALLOW}: CIDRs and host patterns such as
 * {@code *.internal}). A name is resolved first and every address it gives must pass, so a DNS
 * name cannot lead a probe to an address the list refuses. Link-local and cloud metadata addresses
 * are refused even inside an allowed block, unless an entry inside those ranges lists them: a
 * probe must never become a way to read a host's cloud credentials.
 */
public final class ProbeAllowList {

    public static final String DEFAULT = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";

    private static final List<Cidr> GUARDED = List.of(Cidr.parse("169.254.0.0/16"), Cidr.parse("fe80::/10"),
            Cidr.parse("fd00:ec2::254/128"), Cidr.parse("0.0.0.0/8"), Cidr.parse("::/128"));
    private static final Pattern HOST_PATTERN = Pattern.compile("[a-z0-9*]([a-z0-9*.-]*[a-z0-9*])?");

    private final List<Cidr> blocks;
    private final List<Pattern> hosts;
    private final String text;
    private final Resolver resolver;

    private ProbeAllowList(List<Cidr> blocks, List<Pattern> hosts, String text, Resolver resolver) {
        this.blocks = List.copyOf(blocks);
        this.hosts = List.copyOf(hosts);
        this.text = text;
        this.resolver = resolver;
    }

    /** How names become addresses: the system resolver, or a fixed table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The same list, resolving names with {@code other}. */
    public ProbeAllowList resolvingWith(Resolver other) {
        return new ProbeAllowList(blocks, hosts, text, other);
    }

    public static ProbeAllowList defaults() {
        return parse(DEFAULT);
    }

    /**
     * Reads entries separated by commas or spaces; blank means {@link #DEFAULT}. A wrong entry is an
     * {@link IllegalArgumentException} naming it.
     */
    public static ProbeAllowList parse(String text) {
        String entries = text == null || text.isBlank() ? DEFAULT : text.strip();
        List<Cidr> blocks = new ArrayList<>();
        List<Pattern> hosts = new ArrayList<>();
        for (String entry : entries.split("[,\\s]+")) {
            String e = entry.toLowerCase(Locale.ROOT);
            if (e.indexOf('/') >= 0 || Cidr.isLiteral(e)) {
                blocks.add(Cidr.parse(e));
            } else if (HOST_PATTERN.matcher(e).matches()) {
                hosts.add(Pattern.compile(Pattern.quote(e).replace("*", "\\E[a-z0-9.-]*\\Q")));
            } else {
                throw new IllegalArgumentException("'" + entry + "' is neither a CIDR nor a host pattern");
            }
        }
        return new ProbeAllowList(blocks, hosts, String.join(",", entries.split("[,\\s]+")), InetAddress::getAllByName);
    }

    /** Resolves {@code host} and decides whether a probe may reach it. */
    public Admission admit(String host) {
        List<InetAddress> addresses;
        try {
            addresses = Cidr.isLiteral(host) ? List.of(Cidr.literal(host)) : List.of(resolver.resolve(host));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return new Admission.Unresolved(host + " does not resolve");
        }
        boolean nameListed = hosts.stream().anyMatch(p -> p.matcher(host.toLowerCase(Locale.ROOT)).matches());
        for (InetAddress address : addresses) {
            String named = Cidr.isLiteral(host) ? host : host + " (" + address.getHostAddress() + ")";
            if (guarded(address) && !listedExplicitly(address)) {
                return new Admission.Refused("The probe target " + named + " is refused: link-local and cloud "
                        + "metadata addresses are probed only when OPSBOT_PROBE_ALLOW lists them.");
            }
            if (!nameListed && blocks.stream().noneMatch(b -> b.contains(address))) {
                return new Admission.Refused("The probe target " + named + " is refused: it is not in "
                        + "OPSBOT_PROBE_ALLOW (" + text + ").");
            }
        }
        return new Admission.Allowed(addresses);
    }

    private static boolean guarded(InetAddress address) {
        return address.isMulticastAddress() || GUARDED.stream().anyMatch(g -> g.contains(address));
    }

    /** An entry inside a guarded range; {@code 0.0.0.0/0} and the like do not count. */
    private boolean listedExplicitly(InetAddress address) {
        return blocks.stream().anyMatch(b -> b.contains(address) && GUARDED.stream().anyMatch(b::within));
    }

    @Override
    public String toString() {
        return text;
    }

    /** Whether a target may be probed, and at which addresses. */
    public sealed interface Admission {

        record Allowed(List<InetAddress> addresses) implements Admission {
            public Allowed {
                addresses = List.copyOf(addresses);
            }
        }

        /** Not allowed; {@code sentence} names the target. */
        record Refused(String sentence) implements Admission {
        }

        record Unresolved(String sentence) implements Admission {
        }
    }
}
