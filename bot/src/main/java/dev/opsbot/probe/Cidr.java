package dev.opsbot.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A block of addresses, {@code 10.0.0.0/8} or {@code fc00::/7}. */
record Cidr(InetAddress network, int prefix) {

    Cidr {
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix " + prefix + " out of range");
        }
    }

    /** Reads {@code a.b.c.d/n}, {@code v6/n}, or a single address. */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress network = literal(address);
        int bits = network.getAddress().length * 8;
        if (slash < 0) {
            return new Cidr(network, bits);
        }
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length after the /");
        }
        return new Cidr(network, Integer.parseInt(prefix));
    }

    /** An IP address written out; never a DNS lookup. */
    static InetAddress literal(String text) {
        if (!isLiteral(text)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
    }

    static boolean isLiteral(String text) {
        return text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || text.indexOf(':') >= 0 && text.matches("[0-9a-fA-F:.]+");
    }

    boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (a[i] != n[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[whole] & mask) == (n[whole] & mask);
    }

    /** Whether every address of this block lies inside {@code outer}. */
    boolean within(Cidr outer) {
        return prefix >= outer.prefix && outer.contains(network);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
