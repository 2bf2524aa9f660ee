package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mangled wideband offers answered with our preference and Opus fmtp end in an answer or an {@link SdpException},
 * never another exception. Seeded, so a failure reproduces.
 */
class MangledWidebandOfferTest {

    private static final long SEED = 20_251_121L;
    private static final int ROUNDS = 2_000;
    private static final String ALPHABET = "0123456789 /:=.-;abcmoptusCNGR\n\t";

    @Test
    void mangledWidebandOffersFailOnlyWithSdpException() {
        Random random = new Random(SEED);
        int answered = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String offer = mangle(WidebandFixtures.ALL.get(round % WidebandFixtures.ALL.size()), random);
            try {
                SdpNegotiator.answer(SdpParser.parse(offer), WidebandFixtures.WIDEBAND, Preference.OURS,
                        new WidebandFixtures.OpusParameters(), WidebandFixtures.LOCAL);
                answered++;
            } catch (SdpException expected) {
                assertFalse(expected.getMessage().isBlank());
            } catch (RuntimeException unexpected) {
                fail("round " + round + " threw " + unexpected + " for:\n" + offer, unexpected);
            }
        }
        assertTrue(answered > ROUNDS / 10 && answered < ROUNDS, "mutations should sometimes but not always break: "
                + answered);
    }

    private static String mangle(String offer, Random random) {
        StringBuilder text = new StringBuilder(offer);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            int at = random.nextInt(text.length());
            char replacement = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, replacement);
                default -> text.setCharAt(at, replacement);
            }
        }
        return text.toString();
    }
}
