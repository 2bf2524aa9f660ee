package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.MINIMAL;
import static dev.switchboard.config.ConfigFixtures.parse;
import static dev.switchboard.config.ConfigFixtures.problemAt;
import static dev.switchboard.config.ConfigFixtures.problems;
import static dev.switchboard.config.ConfigFixtures.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrunksTest {

    /** Two trunks whose blocks overlap: 203.0.113.0/28 is inside the carrier's /24, on lines 5 and 8. */
    private static final String OVERLAPPING = MINIMAL + """
            media: {codecs: [pcma, g722], codec_preference: ours}
            trunks:
              carrier:
                addresses: [203.0.113.0/24, "2001:db8::/32"]
              pbx:
                codecs: [opus, pcmu]
                codec_preference: offer
                addresses: [203.0.113.0/28, 10.1.2.3]
            """;

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void trunksAreReadInFileOrderWithMediaDefaults() {
        Map<String, TrunkConfig> trunks = parse(OVERLAPPING).trunks();

        assertEquals(List.of("carrier", "pbx"), List.copyOf(trunks.keySet()));
        assertEquals(new TrunkConfig(List.of(AddressBlock.parse("203.0.113.0/24"), AddressBlock.parse("2001:db8::/32")),
                List.of("pcma", "g722"), CodecPreference.OURS), trunks.get("carrier"));
        assertEquals(new TrunkConfig(List.of(AddressBlock.parse("203.0.113.0/28"), AddressBlock.parse("10.1.2.3")),
                List.of("opus", "pcmu"), CodecPreference.OFFER), trunks.get("pbx"));
        assertThrows(UnsupportedOperationException.class, () -> trunks.remove("pbx"));
    }

    @Test
    void trunkDefaultsFollowMediaDefaults() {
        TrunkConfig trunk = parse(MINIMAL + "trunks: {t: {addresses: [10.0.0.5]}}\n").trunks().get("t");

        assertEquals(MediaConfig.DEFAULT_CODECS, trunk.codecs());
        assertEquals(CodecPreference.OFFER, trunk.codecPreference());
    }

    @Test
    void sourceAddressPicksTheFirstDeclaredTrunk() {
        SwitchboardConfig config = parse(OVERLAPPING);

        assertEquals(Optional.of("carrier"), config.trunkNameFor(ip("203.0.113.7")));
        assertEquals(Optional.of("carrier"), config.trunkNameFor(ip("203.0.113.200")));
        assertEquals(Optional.of("carrier"), config.trunkNameFor(ip("2001:db8:1::9")));
        assertEquals(Optional.of("pbx"), config.trunkNameFor(ip("10.1.2.3")));
        assertEquals(Optional.of(config.trunks().get("pbx")), config.trunkFor(ip("10.1.2.3")));
        assertEquals(Optional.empty(), config.trunkNameFor(ip("10.1.2.4")));
        assertEquals(Optional.empty(), config.trunkFor(ip("2001:db9::1")));
        assertEquals(Optional.empty(), parse(MINIMAL).trunkFor(ip("203.0.113.7")));
    }

    @Test
    void trunkMatchesAnyOfItsBlocks() {
        TrunkConfig pbx = parse(OVERLAPPING).trunks().get("pbx");

        assertTrue(pbx.matches(ip("203.0.113.15")));
        assertTrue(pbx.matches(ip("10.1.2.3")));
        assertFalse(pbx.matches(ip("203.0.113.16")));
    }

    @Test
    void overlapWithAnEarlierTrunkIsAWarning() {
        assertEquals(List.of(new ConfigProblem("demo.yaml", "trunks.pbx.addresses[0]", 9, "203.0.113.0/28 overlaps "
                + "203.0.113.0/24 of trunk 'carrier' (line 5); requests from addresses in both go to 'carrier', "
                + "the trunk declared first")), warnings(OVERLAPPING));
        assertEquals(List.of(), warnings(MINIMAL + "trunks: {a: {addresses: [10.0.0.0/8, 10.1.0.0/16]}}\n"));
    }

    @Test
    void addressesAreRequiredAndChecked() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                trunks:
                  none: {codecs: [pcmu]}
                  empty: {addresses: []}
                  bad:
                    addresses:
                      - 10.0.0.0/8
                      - 10.0.0.300
                      - 203.0.113.5/24
                      - 10.0.0.0/8
                      - ""
                  scalar: {addresses: 10.0.0.1}
                """);

        assertEquals(new ConfigProblem("demo.yaml", "trunks.none", 3, "missing required key 'addresses' (the "
                + "addresses or CIDR blocks the trunk sends from, e.g. [203.0.113.0/24])"), problemAt(problems, "trunks.none"));
        assertEquals(new ConfigProblem("demo.yaml", "trunks.empty.addresses", 4,
                "needs at least one address or CIDR block, e.g. 203.0.113.0/24"),
                problemAt(problems, "trunks.empty.addresses"));
        assertEquals("demo.yaml:8: trunks.bad.addresses[1]: invalid address '10.0.0.300' (expected an IPv4 or IPv6 "
                + "address or CIDR block, e.g. 10.0.0.5, 203.0.113.0/24 or 2001:db8::/32)",
                problemAt(problems, "trunks.bad.addresses[1]").toString());
        assertEquals("'203.0.113.5/24' has bits set after the /24 prefix (did you mean 203.0.113.0/24?)",
                problemAt(problems, "trunks.bad.addresses[2]").message());
        assertEquals(new ConfigProblem("demo.yaml", "trunks.bad.addresses[3]", 10,
                "address 10.0.0.0/8 is listed twice"), problemAt(problems, "trunks.bad.addresses[3]"));
        assertTrue(problemAt(problems, "trunks.bad.addresses[4]").message().startsWith("must not be empty"));
        assertEquals("expected a list, e.g. [a, b], found a single value",
                problemAt(problems, "trunks.scalar.addresses").message());
        assertEquals(7, problems.size(), problems::toString);
    }

    @Test
    void trunkKeysAreCheckedLikeMediaKeys() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                trunks:
                  t:
                    adresses: [10.0.0.1]
                    codecs: [pcmu, speex]
                    codec_preference: theirs
                  u: 5060
                """);

        assertEquals("demo.yaml:4: trunks.t.adresses: unknown key 'adresses' (did you mean 'addresses'?)",
                problemAt(problems, "trunks.t.adresses").toString());
        assertEquals(3, problemAt(problems, "trunks.t").line());
        assertEquals("unknown codec 'speex' (allowed: pcmu, pcma, g722, opus)",
                problemAt(problems, "trunks.t.codecs[1]").message());
        assertEquals("unknown codec preference 'theirs' (allowed: offer, ours)",
                problemAt(problems, "trunks.t.codec_preference").message());
        assertTrue(problemAt(problems, "trunks.u").message().startsWith("expected a map with keys addresses, codecs"));
        assertEquals(5, problems.size(), problems::toString);
    }

    @Test
    void ipv6WorksUnquotedInBlockLists() {
        TrunkConfig trunk = parse(MINIMAL + """
                trunks:
                  v6:
                    addresses:
                      - 2001:db8::/32
                      - ::1
                """).trunks().get("v6");

        assertEquals(List.of(AddressBlock.parse("2001:db8::/32"), AddressBlock.parse("::1")), trunk.addresses());
    }

    @Test
    void addressesFromTheEnvironmentAreNotShown() {
        SwitchboardConfig config = ConfigLoader.parse(MINIMAL + "trunks: {t: {addresses: [\"${CARRIER}\"]}}\n",
                "demo.yaml", Map.of("CARRIER", "198.51.100.0/24")::get);
        ConfigProblem problem = problemAt(problems(MINIMAL + "trunks: {t: {addresses: [\"${CARRIER}\"]}}\n",
                Map.of("CARRIER", "198.51.100.1/24")), "trunks.t.addresses[0]");

        assertEquals(Optional.of("t"), config.trunkNameFor(ip("198.51.100.77")));
        assertEquals("the value from ${CARRIER} is invalid (expected " + AddressBlock.EXPECTED + ")",
                problem.message());
    }

    @Test
    void trunkNeedsAnAddress() {
        assertThrows(IllegalArgumentException.class,
                () -> new TrunkConfig(List.of(), List.of("pcmu"), CodecPreference.OFFER));
    }
}
