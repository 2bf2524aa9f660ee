package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives, parsing and answering end in a description or an {@link SdpException}, never another
 * exception that could escape the SIP layer. Mutations are random but seeded, so a failure reproduces.
 */
class MangledOfferTest {

    private static final long SEED = 20_240_611L;
    private static final int ROUNDS = 3_000;
    private static final String ALPHABET = "0123456789 /:=.-abcmovst\n\r\tRTPAVPINIP";
    private static final LocalMedia LOCAL = new LocalMedia("192.0.2.200", 20000, 1, 1);

    @Test
    void mangledOffersFailOnlyWithSdpException() {
        Random random = new Random(SEED);
        int parsed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String offer = mangle(SdpFixtures.REAL_WORLD.get(round % SdpFixtures.REAL_WORLD.size()), random);
            try {
                SessionDescription description = SdpParser.parse(offer);
                parsed++;
                SdpNegotiator.answer(description, List.of(Codec.PCMU, Codec.PCMA), LOCAL);
            } catch (SdpException expected) {
                assertFalse(expected.getMessage().isBlank());
            } catch (RuntimeException unexpected) {
                fail("round " + round + " threw " + unexpected + " for:\n" + offer, unexpected);
            }
        }
        assertTrue(parsed > ROUNDS / 10 && parsed < ROUNDS, "mutations should sometimes but not always break: "
                + parsed);
    }

    private static String mangle(String offer, Random random) {
        StringBuilder text = new StringBuilder(offer);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> duplicateLine(text, random);
            }
        }
        return text.toString();
    }

    private static void duplicateLine(StringBuilder text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.toString().split("\n", -1)));
        String line = lines.get(random.nextInt(lines.size()));
        lines.add(random.nextInt(lines.size() + 1), line);
        text.setLength(0);
        text.append(String.join("\n", lines));
    }
}
