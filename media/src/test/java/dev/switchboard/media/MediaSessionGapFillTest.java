package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.MediaFormat.Encoding;
import dev.switchboard.media.audio.CallerAudioPath;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.voice.FrameDecoder;
import dev.switchboard.media.voice.MalformedPayloadException;
import dev.switchboard.media.voice.VoiceCodec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Silence handed to the agent on ticks the caller's audio does not cover, so its voice activity detection sees
 * the pause. Once the caller's stream plays, the jitter buffer covers every tick itself (a late or missing packet
 * is concealed), so the session fills only before the first packet plays, or where the caller sends no audio at
 * all.
 */
class MediaSessionGapFillTest extends MediaSessionFixture {

    @Test
    void noSilenceIsAddedWhileTheCallerKeepsSending() {
        session.start(PCMU_TO_PCM24K);

        new Phone(SDP_REMOTE, PCMU_PT).send(12, tone(G711.MU_LAW));
        ticks(PLAYOUT_DELAY_TICKS - 1);

        assertEquals(12, callerAudio.size());
        assertEquals(0, session.stats().silenceFilled());
    }

    @Test
    void afterFiveSilentTicksTheAgentGetsTheMissedSilenceThenOneFramePerTick() {
        session.start(PCMU_TO_PCM24K);
        ticks(MediaSession.GAP_FILL_AFTER_TICKS - 1);
        assertTrue(callerAudio.isEmpty(), "a short gap is left alone");

        ticks(1);
        assertEquals(MediaSession.GAP_FILL_AFTER_TICKS, callerAudio.size(), "the whole gap so far, at once");
        ticks(2);

        assertEquals(MediaSession.GAP_FILL_AFTER_TICKS + 2, callerAudio.size());
        for (byte[] chunk : callerAudio) {
            assertArrayEquals(new byte[CHUNK_24K_BYTES], chunk, "20 ms of 24 kHz silence");
        }
        assertEquals(new MediaStats(0, 0, 0, 0, MediaSession.GAP_FILL_AFTER_TICKS + 2, 0, 0),
                counters(session.stats()));
    }

    @Test
    void callerAudioRestartsTheGapCount() {
        session.start(PCMU_TO_PCM24K);
        ticks(MediaSession.GAP_FILL_AFTER_TICKS - PLAYOUT_DELAY_TICKS);
        deliver(SDP_REMOTE, PCMU_PT, 1, tone(G711.MU_LAW));
        ticks(PLAYOUT_DELAY_TICKS);
        assertEquals(1, callerAudio.size(), "four ticks without audio, then the packet");

        ticks(MediaSession.GAP_FILL_AFTER_TICKS);

        assertEquals(0, session.stats().silenceFilled());
        assertEquals(1 + MediaSession.GAP_FILL_AFTER_TICKS, callerAudio.size(),
                "from then on the jitter buffer conceals what the caller does not send");
    }

    /** A 120 ms packet covers six ticks: the five after the one it plays on are not a gap. */
    @Test
    void ticksThatALongPacketCoversAreNoGap() {
        session.start(PCMU_TO_PCM24K);
        byte[] longTone = new byte[6 * FRAME];
        for (int i = 0; i < 6; i++) {
            System.arraycopy(tone(G711.MU_LAW), 0, longTone, i * FRAME, FRAME);
        }
        Phone phone = new Phone(SDP_REMOTE, PCMU_PT);

        for (int packet = 0; packet < 5; packet++) {
            phone.send(1, longTone);
            ticks(5);
        }

        assertEquals(0, session.stats().silenceFilled());
        assertEquals(5, callerAudio.size(), "one chunk per packet, nothing in between");
        assertTrue(callerAudio.stream().allMatch(chunk -> chunk.length == 6 * CHUNK_24K_BYTES));
    }

    @Test
    void aKeyPressDoesNotCountAsCallerAudio() {
        session.start(PCMU_TO_PCM24K);

        // One key held for GAP_FILL_AFTER_TICKS packets: every packet carries the event's start timestamp.
        for (int seq = 1; seq <= MediaSession.GAP_FILL_AFTER_TICKS; seq++) {
            byte[] report = {5, 0x0A, 0x00, (byte) (seq * 0x10)};
            deliver(SDP_REMOTE, rtp(seq == 1, TELEPHONE_EVENT_PT, seq, 8_000, report));
            ticks(1);
        }

        assertEquals("5", dtmf.toString());
        assertEquals(MediaSession.GAP_FILL_AFTER_TICKS, session.stats().silenceFilled());
        assertEquals(MediaSession.GAP_FILL_AFTER_TICKS, callerAudio.size(), "the agent heard the silence");
    }

    /**
     * After speech the caller's gap reaches the agent as the codec's concealment, fading to silence, through the
     * same resampler as the speech: the speech's filter tail rings on into it.
     */
    @Test
    void aGapAfterSpeechIsConcealedThroughTheSameResampler() throws MalformedPayloadException {
        session.start(PCMU_TO_PCM24K);
        byte[] speech = tone(G711.MU_LAW);
        deliver(SDP_REMOTE, PCMU_PT, 1, speech);
        ticks(PLAYOUT_DELAY_TICKS + MediaSession.GAP_FILL_AFTER_TICKS);

        assertEquals(1 + MediaSession.GAP_FILL_AFTER_TICKS, callerAudio.size(), "a chunk a tick from the first");
        CallerAudioPath twin = new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        short[] pcm = new short[FRAME];
        try (FrameDecoder decoder = new VoiceCodec.G711Voice(G711.MU_LAW).newDecoder()) {
            decoder.decode(speech, 0, FRAME, pcm, 0);
            assertArrayEquals(twin.convert(pcm, 0, FRAME), callerAudio.get(0), "the speech");
            for (int i = 1; i < callerAudio.size(); i++) {
                decoder.conceal(FRAME, null, 0, 0, pcm, 0);
                assertArrayEquals(twin.convert(pcm, 0, FRAME), callerAudio.get(i), "concealed frame " + i);
            }
        }
        assertEquals(0, session.stats().silenceFilled());
        assertArrayEquals(new byte[CHUNK_24K_BYTES], callerAudio.getLast(), "silent 60 ms into the loss");
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
