package dev.opsbot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.asset.AssetObservations.Health;
import dev.opsbot.chat.Reply;
import dev.opsbot.testing.RecordingPoster;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /asset verify} and the nightly check, against real listeners on 127.0.0.1. */
class AssetVerificationTest {

    @TempDir
    static Path keys;
    private static Path fiveDays;
    private static X509Certificate certificate;

    private final Listeners listeners = new Listeners();
    private final VerificationFixture f = new VerificationFixture(Duration.ofSeconds(3), 8);
    private int open;
    private int closed;

    @BeforeAll
    static void makeCertificate() throws Exception {
        fiveDays = Listeners.keystore(keys, "localhost", "dns:localhost,ip:127.0.0.1", 5);
        certificate = Listeners.certificate(fiveDays);
    }

    @BeforeEach
    void declare() throws Exception {
        f.ops.core.clock.set(certificate.getNotBefore().toInstant());
        open = listeners.tcp().getLocalPort();
        closed = Listeners.closedPort();
        int http = listeners.http(200, "ready", false).getAddress().getPort();
        int tls = listeners.tls(fiveDays).getLocalPort();
        f.ok("lead", "/service add payments --team core --channel #payments");
        f.ok("alice", "/asset add web-1 --type server --env prod --site fra1 --service payments "
                + "--probe http://127.0.0.1:" + http + "/health#expect=200");
        f.ok("alice", "/asset add db-01 --type database --env prod --site fra1 --service payments "
                + "--probe tcp://127.0.0.1:" + closed);
        f.ok("bob", "/asset add lb-1 --type network --env prod --site ams1 --probe tls://127.0.0.1:" + tls + "#name=localhost");
        f.ok("bob", "/asset add old-1 --type vm --env prod --state retired --address 127.0.0.1:" + open);
        f.ok("bob", "/asset add meta --type endpoint --env prod --probe tcp://169.254.169.254:80");
    }

    @AfterEach
    void close() {
        f.close();
        listeners.close();
    }

    @Test
    void aLiveHttpListenerIsOk() {
        Reply reply = f.ok("carol", "/asset verify web-1");
        assertThat(reply.title()).contains("web-1").endsWith("· ok");
        assertThat(reply.plainText()).containsPattern("http://127\\.0\\.0\\.1:\\d+/health#expect=200 answered 200 in \\d+ ms")
                .doesNotContain("Drift");
        assertThat(reply.buttons()).isEmpty();
        assertThat(f.checks.last("web-1").orElseThrow().health()).isEqualTo(Health.OK);
    }

    @Test
    void aClosedPortOnAnActiveAssetIsUnreachableDriftWithButtonsThatWork() {
        Reply reply = f.ok("carol", "/asset verify db-01");
        assertThat(reply.title()).endsWith("· unreachable");
        assertThat(reply.plainText()).contains("tcp://127.0.0.1:" + closed + " refused the connection")
                .contains("Declared active but unreachable: no probe got an answer.");
        assertThat(reply.buttons()).extracting(Reply.Button::command).containsExactly(
                "/asset set db-01 state offline --reason \"observed by /asset verify\"",
                "/incident declare sev3 \"db-01: Declared active but unreachable: no probe got an answer\" --service payments");

        f.ok("alice", reply.buttons().get(0).command());
        assertThat(f.assets.find("db-01").orElseThrow().state()).isEqualTo("offline");
        f.ok("alice", reply.buttons().get(1).command());
        assertThat(f.ops.core.incidents.find("INC-1")).isPresent();

        assertThat(f.ok("carol", "/asset show db-01").plainText()).contains("Observed: unreachable")
                .contains("refused the connection");
    }

    @Test
    void tlsShowsTheCertificatesExpiryDateAndItsDrift() {
        LocalDate chosen = LocalDate.ofInstant(certificate.getNotBefore().toInstant(), ZoneOffset.UTC).plusDays(5);
        Reply reply = f.ok("carol", "/asset verify lb-1");
        assertThat(reply.plainText()).contains("certificate for localhost expires on " + chosen + " (in 5 days)")
                .contains("The certificate on tls://127.0.0.1:");
        assertThat(reply.plainText()).contains("expires on " + chosen + ", within 21 days.");
        assertThat(reply.buttons()).extracting(Reply.Button::label).containsExactly("Open an incident");
    }

    @Test
    void aRetiredAssetThatAnswersDriftsAndItsAddressIsTheProbe() {
        Reply reply = f.ok("carol", "/asset verify old-1");
        assertThat(reply.plainText()).contains("tcp://127.0.0.1:" + open + " connected in")
                .contains("Declared retired but answering.");
        assertThat(reply.buttons().get(0).command()).startsWith("/asset set old-1 state active");
    }

    @Test
    void aMetadataTargetIsRefusedNamingIt() {
        Reply reply = f.ok("carol", "/asset verify meta");
        assertThat(reply.title()).endsWith("· unknown");
        assertThat(reply.plainText()).contains("The probe target 169.254.169.254 is refused: link-local and cloud "
                + "metadata addresses are probed only when OPSBOT_PROBE_ALLOW lists them.");
    }

    @Test
    void manyAssetsAnswerWithCountsAndTheWorstFirst() {
        Reply all = f.ok("carol", "/asset verify --all");
        assertThat(all.title()).isEqualTo("Verified 5 assets");
        assertThat(all.text()).isEqualTo("3 ok · 0 degraded · 1 unreachable · 1 unknown; drift on 3 assets.");
        assertThat(all.rows()).hasSize(4);
        assertThat(all.rows().get(0)).contains("db-01").contains("unreachable");
        assertThat(all.footer()).contains("8 probes at a time");
        assertThat(f.checks.all()).hasSize(5);

        assertThat(f.ok("carol", "/asset verify --service payments").title()).isEqualTo("Verified 2 assets");
        assertThat(f.ok("carol", "/asset verify --site ams1").title()).contains("lb-1");
    }

    @Test
    void aVerifyThatNamesNothingOrTooMuchIsRefusedWithTheUsage() {
        assertThat(f.run("carol", "/asset verify").plainText())
                .contains("Name an asset, or choose --site, --service or --all.").contains("Usage: /asset verify");
        assertThat(f.run("carol", "/asset verify db-01 --all").plainText()).contains("not several");
        assertThat(f.run("carol", "/asset verify db-99").plainText()).contains("There is no asset “db-99”");
        assertThat(f.run("carol", "/asset verify --site mars").plainText()).contains("No asset is declared at site mars.");
        assertThat(f.checks.all()).isEmpty();
    }

    @Test
    void theNightlyCheckTellsEachDriftOnceInTheServiceChannelNamingTheOwner() {
        RecordingPoster console = f.ops.core.console;
        Instant night = f.ops.core.clock.instant().minus(Duration.ofHours(6));
        assertThat(f.notices.run(night)).as("a fire caught up six hours late").isEqualTo(3);
        f.ops.core.outbox.deliverDue();
        List<RecordingPoster.Post> toPayments = console.postsTo("payments");
        assertThat(toPayments).hasSize(1);
        assertThat(toPayments.get(0).text()).contains("Drift · db-01").contains("@alice")
                .contains("Declared active but unreachable");
        assertThat(console.postsTo("incidents")).extracting(RecordingPoster.Post::text)
                .anyMatch(t -> t.contains("Drift · lb-1") && t.contains("@bob"))
                .anyMatch(t -> t.contains("Drift · old-1"));

        assertThat(f.checks.last("db-01").orElseThrow().checkedAt()).isEqualTo(f.ops.core.clock.instant());

        int before = console.posts().size();
        assertThat(f.notices.run(night.plus(Duration.ofDays(1)))).isZero();
        f.ops.core.outbox.deliverDue();
        assertThat(console.posts()).hasSize(before);

        f.ok("alice", "/asset set db-01 probe tcp://127.0.0.1:" + open);
        assertThat(f.notices.run(night.plus(Duration.ofDays(2)))).isZero();
        f.ok("alice", "/asset set db-01 probe tcp://127.0.0.1:" + closed);
        assertThat(f.notices.run(night.plus(Duration.ofDays(3)))).isEqualTo(1);
        f.ops.core.outbox.deliverDue();
        assertThat(console.postsTo("payments")).hasSize(2);
    }

    @Test
    void theDigestNamesDriftingAssets() {
        DriftDigest digest = new DriftDigest(f.checks);
        assertThat(digest.lines(Instant.now(), VerificationFixture.UTC)).isEmpty();
        f.ok("carol", "/asset verify --all");
        List<String> lines = digest.lines(Instant.now(), VerificationFixture.UTC);
        assertThat(lines.get(0)).isEqualTo("3 assets differ from what was declared:");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains("db-01").contains("Declared active but unreachable");
    }
}
