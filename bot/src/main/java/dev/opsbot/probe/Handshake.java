package dev.opsbot.probe;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** TLS over a connection already opened to an admitted address, naming the host for SNI. */
final class Handshake {

    private static final SSLContext CONTEXT = TrustAnything.context();

    private Handshake() {
    }

    static SSLSocket over(Socket socket, String host, int port, ProbeAttempt attempt) throws IOException {
        SSLSocket tls = attempt.open((SSLSocket) CONTEXT.getSocketFactory().createSocket(socket, host, port, true));
        if (!Cidr.isLiteral(host)) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            tls.setSSLParameters(parameters);
        }
        tls.setSoTimeout(attempt.remainingMillis());
        tls.startHandshake();
        return tls;
    }
}
