package dev.opsbot.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.command.Refusal;
import org.junit.jupiter.api.Test;

class ProbeSpecTest {

    @Test
    void readsEachKindOfProbe() {
        assertThat(ProbeSpec.parse("tcp://db-01:5432")).isEqualTo(new ProbeSpec.Tcp("db-01", 5432));
        assertThat(ProbeSpec.parse("tcp://[::1]:22")).isEqualTo(new ProbeSpec.Tcp("::1", 22));
        assertThat(ProbeSpec.parse("tls://lb-1")).isEqualTo(new ProbeSpec.Tls("lb-1", 443, "lb-1"));
        assertThat(ProbeSpec.parse("tls://lb-1:8443#name=shop.example.com"))
                .isEqualTo(new ProbeSpec.Tls("lb-1", 8443, "shop.example.com"));
        assertThat(ProbeSpec.parse("dns://db-01.internal")).isEqualTo(new ProbeSpec.Dns("db-01.internal", ""));
        assertThat(ProbeSpec.parse("dns://db-01.internal#address=10.0.0.5"))
                .isEqualTo(new ProbeSpec.Dns("db-01.internal", "10.0.0.5"));
        assertThat(ProbeSpec.parse("prom: up{instance=\"db-01:9100\"}"))
                .isEqualTo(new ProbeSpec.Prom("up{instance=\"db-01:9100\"}"));
    }

    @Test
    void httpTakesAnExpectedStatusOrBodyText() {
        ProbeSpec.Http status = (ProbeSpec.Http) ProbeSpec.parse("http://web-1:8080/health?deep=1#expect=204");
        assertThat(status.expectStatus()).isEqualTo(204);
        assertThat(status.expectBody()).isEmpty();
        assertThat(status.port()).isEqualTo(8080);
        assertThat(status.uri().getRawQuery()).isEqualTo("deep=1");
        ProbeSpec.Http body = (ProbeSpec.Http) ProbeSpec.parse("https://web-1#expect=all%20good");
        assertThat(body.expectStatus()).isZero();
        assertThat(body.expectBody()).isEqualTo("all good");
        assertThat(body.port()).isEqualTo(443);
        assertThat(body.uri().getPath()).isEqualTo("/");
    }

    @Test
    void anIpv6HostLosesItsBrackets() {
        ProbeSpec.Http http = (ProbeSpec.Http) ProbeSpec.parse("http://[::1]:8080/health");
        assertThat(http.host()).isEqualTo("::1");
        assertThat(http.port()).isEqualTo(8080);
        assertThat(ProbeSpec.parse("tls://[fd00::5]")).isEqualTo(new ProbeSpec.Tls("fd00::5", 443, "fd00::5"));
        assertThat(ProbeSpec.parse("tcp://[::1]:22").text()).isEqualTo("tcp://[::1]:22");
    }

    @Test
    void aCertificatesNamesAreShownWithoutControlCharacters() {
        assertThat(CertificateNames.shown("evil\u0001@here\u0002.example")).isEqualTo("evil@here.example");
        assertThat(CertificateNames.shown("x".repeat(300))).hasSize(101).endsWith("…");
    }

    @Test
    void textReadsBackAsTheSameProbe() {
        for (String text : new String[] {"tcp://db-01:5432", "tls://lb-1:443#name=shop.example.com",
                "dns://a.internal#address=10.0.0.5", "http://web-1:8080/health#expect=200", "prom:up"}) {
            ProbeSpec spec = ProbeSpec.parse(text);
            assertThat(ProbeSpec.parse(spec.text())).isEqualTo(spec);
        }
    }

    @Test
    void refusesWhatItCannotRunWithOneSentenceNamingIt() {
        for (String bad : new String[] {"", "ftp://x:21", "tcp://db-01", "tcp://db-01:5432/path", "prom:",
                "tcp://user@db-01:22", "dns://a.internal#expect=1", "tls://x#name", "db-01:5432"}) {
            assertThatThrownBy(() -> ProbeSpec.parse(bad)).isInstanceOf(Refusal.class)
                    .satisfies(e -> assertThat(((Refusal) e).showUsage()).isTrue())
                    .hasMessageStartingWith("The probe ")
                    .hasMessageEndingWith(".");
        }
        assertThatThrownBy(() -> ProbeSpec.parse("ftp://x:21")).hasMessageContaining("'ftp://x:21'");
    }
}
