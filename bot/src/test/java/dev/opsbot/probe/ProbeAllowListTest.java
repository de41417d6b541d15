package dev.opsbot.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.probe.ProbeAllowList.Admission;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeAllowListTest {

    /** Names the test controls, so a name can be made to point at a metadata address. */
    private static final Map<String, String> NAMES = Map.of("db-01.internal", "10.1.2.3",
            "sneaky.example", "169.254.169.254", "public.example", "203.0.113.7", "app.corp.example", "198.51.100.4");

    private static ProbeAllowList list(String text) {
        return ProbeAllowList.parse(text).resolvingWith(host -> {
            String address = NAMES.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        });
    }

    @Test
    void theDefaultAllowsLoopbackAndPrivateRanges() {
        ProbeAllowList allow = list("");
        for (String host : new String[] {"127.0.0.1", "::1", "10.9.8.7", "172.20.0.1", "192.168.1.1", "fd12::1",
                "db-01.internal"}) {
            assertThat(allow.admit(host)).as(host).isInstanceOf(Admission.Allowed.class);
        }
        assertThat(((Admission.Allowed) allow.admit("db-01.internal")).addresses())
                .extracting(InetAddress::getHostAddress).containsExactly("10.1.2.3");
    }

    @Test
    void metadataIsRefusedNamingTheTarget() {
        Admission refused = list("").admit("169.254.169.254");
        assertThat(refused).isInstanceOf(Admission.Refused.class);
        assertThat(((Admission.Refused) refused).sentence()).isEqualTo("The probe target 169.254.169.254 is "
                + "refused: link-local and cloud metadata addresses are probed only when OPSBOT_PROBE_ALLOW lists them.");
    }

    @Test
    void aNameCannotSmuggleAMetadataAddress() {
        Admission refused = list("*.example,10.0.0.0/8").admit("sneaky.example");
        assertThat(((Admission.Refused) refused).sentence()).contains("sneaky.example (169.254.169.254)");
        assertThat(list("*.example").admit("public.example")).isInstanceOf(Admission.Allowed.class);
    }

    @Test
    void onlyAnEntryInsideTheGuardedRangesUnlocksThem() {
        assertThat(list("0.0.0.0/0").admit("169.254.169.254")).isInstanceOf(Admission.Refused.class);
        assertThat(list("0.0.0.0/0").admit("203.0.113.7")).isInstanceOf(Admission.Allowed.class);
        assertThat(list("169.254.169.254").admit("169.254.169.254")).isInstanceOf(Admission.Allowed.class);
        assertThat(list("169.254.0.0/16").admit("169.254.10.10")).isInstanceOf(Admission.Allowed.class);
        assertThat(list("fc00::/7").admit("fd00:ec2::254")).isInstanceOf(Admission.Refused.class);
        assertThat(list("::/0").admit("fe80::1")).isInstanceOf(Admission.Refused.class);
    }

    @Test
    void addressesOutsideTheListAreRefusedWithTheListShown() {
        Admission refused = list("10.0.0.0/8, *.corp.example").admit("public.example");
        assertThat(((Admission.Refused) refused).sentence()).isEqualTo("The probe target public.example "
                + "(203.0.113.7) is refused: it is not in OPSBOT_PROBE_ALLOW (10.0.0.0/8,*.corp.example).");
        assertThat(list("10.0.0.0/8, *.corp.example").admit("app.corp.example")).isInstanceOf(Admission.Allowed.class);
        assertThat(list("10.0.0.0/8").admit("127.0.0.1")).isInstanceOf(Admission.Refused.class);
        assertThat(list("").admit("nowhere.invalid")).isInstanceOf(Admission.Unresolved.class);
    }

    @Test
    void aWrongEntryIsNamed() {
        assertThatThrownBy(() -> ProbeAllowList.parse("10.0.0.0/8,10.0.0.0/x")).hasMessageContaining("10.0.0.0/x");
        assertThatThrownBy(() -> ProbeAllowList.parse("10.0.0.0/33")).hasMessageContaining("33");
        assertThatThrownBy(() -> ProbeAllowList.parse("db_01!")).hasMessageContaining("'db_01!'");
    }
}
