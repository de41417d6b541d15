package dev.opsbot.probe;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** The names a server certificate is valid for, and whether one of them covers a host. */
final class CertificateNames {

    private static final int DNS = 2;
    private static final int IP = 7;

    private CertificateNames() {
    }

    /** Subject alternative names (DNS and IP); the subject's CN only when there are none, as browsers do. */
    static List<String> of(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = cert.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    int kind = (Integer) entry.get(0);
                    if (kind == DNS || kind == IP) {
                        names.add(shown(String.valueOf(entry.get(1))).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable extension names nothing
        }
        if (names.isEmpty()) {
            commonName(cert).ifPresent(cn -> names.add(cn.toLowerCase(Locale.ROOT)));
        }
        return names;
    }

    static java.util.Optional<String> commonName(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return java.util.Optional.of(shown(String.valueOf(rdn.getValue())));
                }
            }
        } catch (InvalidNameException e) {
            // no readable subject
        }
        return java.util.Optional.empty();
    }

    /**
     * A name as the server sent it, fit to show in chat: it is the remote side's text, so control
     * characters (markup delimiters among them) go and it is cut to a sane length.
     */
    static String shown(String remote) {
        String clean = remote.replaceAll("\\p{Cntrl}", "").strip();
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    /** A wildcard covers exactly one label: {@code *.example.com} covers {@code a.example.com}. */
    static boolean covers(List<String> names, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String name : names) {
            if (name.equals(h) || Cidr.isLiteral(h) && Cidr.isLiteral(name)
                    && Cidr.literal(h).equals(Cidr.literal(name))) {
                return true;
            }
            if (name.startsWith("*.")) {
                int dot = h.indexOf('.');
                if (dot > 0 && h.substring(dot).equals(name.substring(1))) {
                    return true;
                }
            }
        }
        return false;
    }
}
