package dev.opsbot.probe;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS context that accepts any server certificate. Probes only read: a TLS probe judges the
 * certificate itself (names, expiry) and must see it to do so, and an https probe asks whether
 * the service answers, which internal certificates signed by a private CA must not hide.
 */
final class TrustAnything implements X509TrustManager {

    private TrustAnything() {
    }

    static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAnything()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS", e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // a probe is only ever the client
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // judged by the probe, not here
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
