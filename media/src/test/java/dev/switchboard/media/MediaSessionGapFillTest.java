package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.MediaFormat.Encoding;
import dev.switchboard.media.audio.CallerAudioPath;
import dev.switchboard.media.codec.G711;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Silence handed to the agent while the caller sends no audio, so its voice activity detection sees the pause. */
class MediaSessionGapFillTest extends MediaSessionFixture {

    @Test
    void noSilenceIsAddedWhileTheCallerKeepsSending() {
        session.start(PCMU_TO_PCM24K);

        for (int seq = 1; seq <= 12; seq++) {
            deliver(SDP_REMOTE, PCMU_PT, seq, tone(G711.MU_LAW));
            session.onTick();
        }

        assertEquals(12, callerAudio.size());
        assertEquals(0, session.stats().silenceFilled());
    }

    @Test
    void afterFiveSilentTicksTheAgentGetsTheMissedSilenceThenOneFramePerTick() {
        session.start(PCMU_TO_PCM24K);
        int before = MediaSession.GAP_FILL_AFTER_TICKS - 1;
        for (int tick = 0; tick < before; tick++) {
            session.onTick();
        }
        assertTrue(callerAudio.isEmpty(), "a short gap is left alone");

        session.onTick();
        assertEquals(MediaSession.GAP_FILL_AFTER_TICKS, callerAudio.size(), "the whole gap so far, at once");
        session.onTick();
        session.onTick();

        assertEquals(MediaSession.GAP_FILL_AFTER_TICKS + 2, callerAudio.size());
        for (byte[] chunk : callerAudio) {
            assertArrayEquals(new byte[CHUNK_24K_BYTES], chunk, "20 ms of 24 kHz silence");
        }
        assertEquals(new MediaStats(0, 0, 0, 0, MediaSession.GAP_FILL_AFTER_TICKS + 2, 0, 0), session.stats());
    }

    @Test
    void callerAudioRestartsTheGapCount() {
        session.start(PCMU_TO_PCM24K);
        deliver(SDP_REMOTE, PCMU_PT, 1, tone(G711.MU_LAW));
        ticks(MediaSession.GAP_FILL_AFTER_TICKS - 1);
        deliver(SDP_REMOTE, PCMU_PT, 2, tone(G711.MU_LAW));
        ticks(MediaSession.GAP_FILL_AFTER_TICKS - 1);

        assertEquals(2, callerAudio.size());
        assertEquals(0, session.stats().silenceFilled());
        session.onTick();
        assertEquals(2 + MediaSession.GAP_FILL_AFTER_TICKS, callerAudio.size());
    }

    @Test
    void aKeyPressDoesNotCountAsCallerAudio() {
        session.start(PCMU_TO_PCM24K);

        // One key held for GAP_FILL_AFTER_TICKS packets: every packet carries the event's start timestamp.
        for (int seq = 1; seq <= MediaSession.GAP_FILL_AFTER_TICKS; seq++) {
            byte[] report = {5, 0x0A, 0x00, (byte) (seq * 0x10)};
            deliver(SDP_REMOTE, rtp(seq == 1, TELEPHONE_EVENT_PT, seq, 8_000, report));
            session.onTick();
        }

        assertEquals("5", dtmf.toString());
        assertEquals(MediaSession.GAP_FILL_AFTER_TICKS, session.stats().silenceFilled());
        assertEquals(MediaSession.GAP_FILL_AFTER_TICKS, callerAudio.size(), "the agent heard the silence");
    }

    @Test
    void fillSilenceContinuesTheResamplerAfterSpeech() {
        session.start(PCMU_TO_PCM24K);
        byte[] speech = tone(G711.MU_LAW);
        deliver(SDP_REMOTE, PCMU_PT, 1, speech);
        ticks(MediaSession.GAP_FILL_AFTER_TICKS);

        CallerAudioPath twin = new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        twin.convert(speech, 0, FRAME);
        assertEquals(1 + MediaSession.GAP_FILL_AFTER_TICKS, callerAudio.size());
        for (int i = 1; i < callerAudio.size(); i++) {
            assertArrayEquals(twin.silence(FRAME), callerAudio.get(i), "silence frame " + i);
        }
        assertFalse(Arrays.equals(new byte[CHUNK_24K_BYTES], callerAudio.get(1)),
                "the tail of the speech rings on into the first silence frame");
    }

    @Test
    void aPassThroughAgentGetsMuLawSilence() {
        session.start(new StreamSettings(SDP_REMOTE, G711.MU_LAW, PCMU_PT, TELEPHONE_EVENT_PT,
                new MediaFormat(Encoding.PCMU, 8_000)));

        ticks(MediaSession.GAP_FILL_AFTER_TICKS);

        byte[] silent = new byte[FRAME];
        Arrays.fill(silent, G711.MU_LAW.silence());
        assertEquals(MediaSession.GAP_FILL_AFTER_TICKS, callerAudio.size());
        assertArrayEquals(silent, callerAudio.get(0));
    }
}
