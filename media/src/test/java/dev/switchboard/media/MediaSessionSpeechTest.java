package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void withoutLocalVadNothingIsDetected() {
        session.start(PCMU_TO_PCM24K);
        Phone phone = new Phone(SDP_REMOTE, PCMU_PT);

        phone.send(5, silence(G711.MU_LAW));
        phone.send(20, tone(G711.MU_LAW));
        ticks(PLAYOUT_DELAY_TICKS - 1);

        assertEquals(List.of(), speechOnsets);
        assertEquals(25, callerAudio.size(), "the audio itself still flows");
    }

    /** The onset is reported as the third packet of tone plays, just before the agent is handed it. */
    @Test
    void anUtteranceIsReportedOnceAtItsThirdPacket() {
        session.start(PCMU_TO_PCM24K_WITH_VAD);
        Phone phone = new Phone(SDP_REMOTE, PCMU_PT);

        phone.send(5, silence(G711.MU_LAW));
        phone.send(50, tone(G711.MU_LAW));
        ticks(PLAYOUT_DELAY_TICKS - 1);

        assertEquals(List.of(5 + 2), speechOnsets, "60 ms into the speech, once for a second of it");
    }

    @Test
    void aPauseOf300MillisecondsEndsTheUtterance() {
        session.start(PCMU_TO_PCM24K_WITH_VAD);
        Phone phone = new Phone(SDP_REMOTE, PCMU_PT);

        phone.send(10, tone(G711.MU_LAW));
        phone.send(14, silence(G711.MU_LAW));
        phone.send(10, tone(G711.MU_LAW));
        phone.send(15, silence(G711.MU_LAW));
        phone.send(10, tone(G711.MU_LAW));
        ticks(PLAYOUT_DELAY_TICKS - 1);

        assertEquals(List.of(2, 10 + 14 + 10 + 15 + 2), speechOnsets, "280 ms is a pause within; 300 ms ends it");
    }

    /**
     * A caller whose phone sends nothing between utterances: the jitter buffer conceals the first 60 ms of each
     * gap, fading the last sound out, then plays silence. A gap of 280 ms (about 220 ms of it quiet) is a pause
     * within the utterance; one of 400 ms ends it. Where the next onset falls depends on how much of the silence
     * the jitter buffer cuts to shorten its delay, so only its order is asserted.
     */
    @Test
    void whenTheCallerSendsNothingTheConcealedGapEndsTheUtterance() {
        session.start(PCMU_TO_PCM24K_WITH_VAD);
        Phone phone = new Phone(SDP_REMOTE, PCMU_PT);

        phone.send(10, tone(G711.MU_LAW));
        phone.pause(14);
        phone.send(10, tone(G711.MU_LAW));
        phone.pause(20);
        int afterSecondPause = callerAudio.size();
        phone.send(10, tone(G711.MU_LAW));

        assertEquals(2, speechOnsets.size(), "one onset for the first two bursts, one for the third");
        assertEquals(2, speechOnsets.get(0));
        assertTrue(speechOnsets.get(1) > afterSecondPause, "onsets " + speechOnsets);
        assertEquals(0, session.stats().silenceFilled(), "the jitter buffer covered every tick");
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void aPassThroughCallIsDecodedForTheDetector(G711 law) {
        MediaFormat own = new MediaFormat(law == G711.MU_LAW ? Encoding.PCMU : Encoding.PCMA, 8_000);
        session.start(new StreamSettings(SDP_REMOTE, law, law.rtpPayloadType(), TELEPHONE_EVENT_PT, own, own, true));
        Phone phone = new Phone(SDP_REMOTE, law.rtpPayloadType());

        phone.send(5, silence(law));
        phone.send(10, tone(law));
        ticks(PLAYOUT_DELAY_TICKS - 1);

        assertEquals(List.of(5 + 2), speechOnsets);
        assertArrayEquals(tone(law), callerAudio.get(5), "the agent still gets RTP's bytes");
    }

    @Test
    void anOnsetLeavesTheAgentsVoiceAloneForTheListenerToDecide() {
        session.start(PCMU_TO_PCM24K_WITH_VAD);
        session.playAgentAudio("item", 0, agentTone(50));

        new Phone(SDP_REMOTE, PCMU_PT).send(3, tone(G711.MU_LAW));
        ticks(PLAYOUT_DELAY_TICKS - 1);
        int ticksRun = 3 + PLAYOUT_DELAY_TICKS - 1;

        assertEquals(List.of(2), speechOnsets);
        assertEquals(1000 - ticksRun * 20, session.bufferedMillis(), "only a frame a tick went out");
        assertEquals(ticksRun, releaseOutbound());
    }

    /** 20 ms of the law's silence code. */
    private static byte[] silence(G711 law) {
        byte[] payload = new byte[FRAME];
        Arrays.fill(payload, law.silence());
        return payload;
    }
}
