package dev.opsbot.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A GET written by hand over a connection to an admitted address, so the request cannot be sent
 * anywhere the allow list did not check (an HTTP client would resolve the name again). Redirects
 * are not followed: a 3xx is the answer. At most {@link #BODY_LIMIT} bytes of body are read.
 */
final class HttpGet {

    static final int BODY_LIMIT = 64 * 1024;
    private static final int HEAD_LIMIT = 16 * 1024;

    private HttpGet() {
    }

    record Answer(int status, String body) {
    }

    static Answer send(Socket socket, ProbeSpec.Http probe, boolean readBody) throws IOException {
        String path = probe.uri().getRawPath() + (probe.uri().getRawQuery() == null ? "" : "?" + probe.uri().getRawQuery());
        String host = probe.host();
        String hostHeader = probe.uri().getPort() < 0 ? (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
                : HostPort.of(host, probe.port());
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nUser-Agent: opsbot-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String head = head(in);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("[0-9]{3}")) {
            throw new IOException("the answer was not HTTP");
        }
        int status = Integer.parseInt(statusLine[1]);
        if (!readBody) {
            return new Answer(status, "");
        }
        long length = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].toLowerCase(Locale.ROOT);
            if (line.startsWith("content-length:") && line.substring(15).strip().matches("[0-9]{1,18}")) {
                length = Long.parseLong(line.substring(15).strip());
            } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? chunked(in) : upTo(in, length < 0 ? BODY_LIMIT : Math.min(length, BODY_LIMIT));
        return new Answer(status, new String(body, StandardCharsets.UTF_8));
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0 || head.size() > HEAD_LIMIT) {
                throw new IOException("the answer ended before its headers did");
            }
            head.write(b);
            state = b == '\r' && (state == 0 || state == 2) ? state + 1 : b == '\n' && (state == 1 || state == 3) ? state + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] upTo(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) limit);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (body.size() < BODY_LIMIT) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            if (!hex.matches("[0-9a-fA-F]{1,7}")) {
                throw new IOException("the answer's chunks were malformed");
            }
            int size = Integer.parseInt(hex, 16);
            if (size == 0) {
                break;
            }
            int wanted = Math.min(size, BODY_LIMIT - body.size());
            body.write(in.readNBytes(wanted));
            if (wanted < size) {
                break;
            }
            line(in);
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || line.length() > 1024) {
                throw new IOException("the answer ended inside a chunk");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
