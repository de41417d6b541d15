package dev.opsbot.probe;

/** How a host and port read together: brackets around an IPv6 address. */
final class HostPort {

    private HostPort() {
    }

    static String of(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
