package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.media.MediaFormat.Encoding;
import dev.switchboard.media.codec.G711;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Local detection of the caller starting to speak ({@link StreamSettings#localVad()}), through the session: a
 * 1 kHz tone at −15 dBFS stands for speech, the law's silence code for a pause.
 */
class MediaSessionSpeechTest extends MediaSessionFixture {

    private static final StreamSettings PCMU_TO_PCM24K_WITH_VAD = new StreamSettings(SDP_REMOTE, G711.MU_LAW,
            PCMU_PT, TELEPHONE_EVENT_PT, MediaFormat.PCM16_24K, MediaFormat.PCM16_24K, true);

    private int sequence;

    @Test
    void withoutLocalVadNothingIsDetected() {
        session.start(PCMU_TO_PCM24K);

        packets(G711.MU_LAW, 5, false);
        packets(G711.MU_LAW, 20, true);

        assertEquals(List.of(), speechOnsets);
        assertEquals(25, callerAudio.size(), "the audio itself still flows");
    }

    @Test
    void anUtteranceIsReportedOnceAtItsThirdPacket() {
        session.start(PCMU_TO_PCM24K_WITH_VAD);

        packets(G711.MU_LAW, 5, false);
        packets(G711.MU_LAW, 50, true);

        assertEquals(List.of(5 + 3), speechOnsets, "60 ms into the speech, once for a second of it");
    }

    @Test
    void aPauseOf300MillisecondsEndsTheUtterance() {
        session.start(PCMU_TO_PCM24K_WITH_VAD);

        packets(G711.MU_LAW, 10, true);
        packets(G711.MU_LAW, 14, false);
        packets(G711.MU_LAW, 10, true);
        packets(G711.MU_LAW, 15, false);
        packets(G711.MU_LAW, 10, true);

        assertEquals(List.of(3, 10 + 14 + 10 + 15 + 3), speechOnsets, "280 ms is a pause within; 300 ms ends it");
    }

    @Test
    void whenTheCallerSendsNothingTheFilledGapEndsTheUtterance() {
        session.start(PCMU_TO_PCM24K_WITH_VAD);

        packets(G711.MU_LAW, 10, true);
        ticks(14);
        packets(G711.MU_LAW, 10, true);
        ticks(15);
        int beforeThird = callerAudio.size();
        packets(G711.MU_LAW, 10, true);

        assertEquals(List.of(3, beforeThird + 3), speechOnsets);
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void aPassThroughCallIsDecodedForTheDetector(G711 law) {
        MediaFormat own = new MediaFormat(law == G711.MU_LAW ? Encoding.PCMU : Encoding.PCMA, 8_000);
        session.start(new StreamSettings(SDP_REMOTE, law, law.rtpPayloadType(), TELEPHONE_EVENT_PT, own, own, true));

        packets(law, 5, false);
        packets(law, 10, true);

        assertEquals(List.of(5 + 3), speechOnsets);
        assertArrayEquals(tone(law), callerAudio.get(5), "the agent still gets RTP's bytes");
    }

    @Test
    void anOnsetLeavesTheAgentsVoiceAloneForTheListenerToDecide() {
        session.start(PCMU_TO_PCM24K_WITH_VAD);
        session.playAgentAudio("item", 0, agentTone(50));

        packets(G711.MU_LAW, 3, true);

        assertEquals(List.of(3), speechOnsets);
        assertEquals(1000, session.bufferedMillis());
    }

    /** Delivers {@code count} packets of tone, or of the law's silence code. */
    private void packets(G711 law, int count, boolean speech) {
        byte[] payload = tone(law);
        if (!speech) {
            Arrays.fill(payload, law.silence());
        }
        for (int i = 0; i < count; i++) {
            deliver(SDP_REMOTE, law.rtpPayloadType(), ++sequence, payload);
        }
    }
}
