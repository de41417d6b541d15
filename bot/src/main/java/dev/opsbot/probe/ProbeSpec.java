package dev.opsbot.probe;

import dev.opsbot.command.Refusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One probe as declared on an asset. Expectations ride in the fragment, which is never sent to
 * the target: {@code http://db-01:8080/health#expect=200}, {@code https://…#expect=ready} (a body
 * substring), {@code tls://lb-1:443#name=shop.example.com} (the name the certificate must carry;
 * the probe's host by default), {@code dns://db-01.internal#address=10.0.0.5}.
 */
public sealed interface ProbeSpec {

    String USAGE = "tcp://host:port, http(s)://host[:port]/path[#expect=200|#expect=text], "
            + "tls://host[:port][#name=host], dns://name[#address=ip] or prom:<PromQL>";

    /** The probe as it reads in chat and in the store. */
    String text();

    /** Connect and nothing more. */
    record Tcp(String host, int port) implements ProbeSpec {
        @Override
        public String text() {
            return "tcp://" + HostPort.of(host, port);
        }
    }

    /**
     * A GET; the answer is as expected when its status is {@code expectStatus} (any status below 400
     * when 0) and its body contains {@code expectBody} (when not empty).
     */
    record Http(URI uri, int expectStatus, String expectBody) implements ProbeSpec {
        public boolean secure() {
            return "https".equals(uri.getScheme());
        }

        public int port() {
            return uri.getPort() > 0 ? uri.getPort() : secure() ? 443 : 80;
        }

        /** The host without the brackets a URI puts around an IPv6 address. */
        public String host() {
            String h = uri.getHost();
            return h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
        }

        @Override
        public String text() {
            String expect = expectStatus > 0 ? "#expect=" + expectStatus
                    : expectBody.isEmpty() ? "" : "#expect=" + expectBody;
            return uri + expect;
        }
    }

    /** A handshake; the certificate must carry {@code name} and not expire soon. */
    record Tls(String host, int port, String name) implements ProbeSpec {
        @Override
        public String text() {
            return "tls://" + HostPort.of(host, port) + (name.equalsIgnoreCase(host) ? "" : "#name=" + name);
        }
    }

    /** The name resolves; to {@code address} too when one is given. */
    record Dns(String name, String address) implements ProbeSpec {
        @Override
        public String text() {
            return "dns://" + name + (address.isEmpty() ? "" : "#address=" + address);
        }

        /** The same probe, expecting the asset's declared address unless it names one itself. */
        public Dns expecting(String declared) {
            return address.isEmpty() && !declared.isEmpty() ? new Dns(name, declared) : this;
        }
    }

    /** An instant query through the metric source: non-zero is up, zero is down. */
    record Prom(String query) implements ProbeSpec {
        @Override
        public String text() {
            return "prom:" + query;
        }
    }

    /** Reads a probe; anything else is refused with one sentence naming what was wrong. */
    static ProbeSpec parse(String text) {
        String probe = text == null ? "" : text.strip();
        if (probe.regionMatches(true, 0, "prom:", 0, 5)) {
            String query = probe.substring(5).strip();
            if (query.isEmpty()) {
                throw refused(probe, "a PromQL query after prom:");
            }
            return new Prom(query);
        }
        URI uri;
        try {
            uri = new URI(probe);
        } catch (URISyntaxException e) {
            throw refused(probe, "one of " + USAGE);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getUserInfo() != null) {
            throw refused(probe, "one of " + USAGE);
        }
        host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        Fragment fragment = Fragment.of(uri.getRawFragment(), probe);
        return switch (scheme) {
            case "tcp" -> {
                if (uri.getPort() <= 0 || hasPath(uri)) {
                    throw refused(probe, "tcp://host:port");
                }
                fragment.only("");
                yield new Tcp(host, uri.getPort());
            }
            case "tls" -> {
                if (hasPath(uri)) {
                    throw refused(probe, "tls://host[:port][#name=host]");
                }
                fragment.only("name");
                yield new Tls(host, uri.getPort() > 0 ? uri.getPort() : 443, fragment.value("name", host));
            }
            case "dns" -> {
                if (uri.getPort() > 0 || hasPath(uri)) {
                    throw refused(probe, "dns://name[#address=ip]");
                }
                fragment.only("address");
                yield new Dns(host, fragment.value("address", ""));
            }
            case "http", "https" -> {
                fragment.only("expect");
                String expect = fragment.value("expect", "");
                int status = expect.matches("[1-5][0-9][0-9]") ? Integer.parseInt(expect) : 0;
                URI target;
                try {
                    target = new URI(uri.getScheme().toLowerCase(Locale.ROOT), null, host, uri.getPort(),
                            uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath(), uri.getQuery(), null);
                } catch (URISyntaxException e) {
                    throw refused(probe, "one of " + USAGE);
                }
                yield new Http(target, status, status > 0 ? "" : expect);
            }
            default -> throw refused(probe, "one of " + USAGE);
        };
    }

    private static boolean hasPath(URI uri) {
        return uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())
                || uri.getRawQuery() != null;
    }

    private static Refusal refused(String probe, String expected) {
        return Refusal.badInput("The probe " + (probe.isEmpty() ? "(empty)" : "'" + probe + "'")
                + " is not one opsbot can run; write " + expected + ".");
    }

    /** {@code key=value} after the {@code #}, percent-decoded. */
    record Fragment(String key, String value, String probe) {

        static Fragment of(String raw, String probe) {
            if (raw == null || raw.isEmpty()) {
                return new Fragment("", "", probe);
            }
            int eq = raw.indexOf('=');
            if (eq <= 0 || eq == raw.length() - 1) {
                throw refused(probe, "a fragment of the form #key=value");
            }
            String value = URLDecoder.decode(raw.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            return new Fragment(raw.substring(0, eq).toLowerCase(Locale.ROOT), value, probe);
        }

        void only(String allowed) {
            if (!key.isEmpty() && !key.equals(allowed)) {
                throw refused(probe, allowed.isEmpty() ? "no #… part for this kind of probe"
                        : "#" + allowed + "=… as the only #… part");
            }
        }

        String value(String wanted, String otherwise) {
            return key.equals(wanted) ? value : otherwise;
        }
    }
}
