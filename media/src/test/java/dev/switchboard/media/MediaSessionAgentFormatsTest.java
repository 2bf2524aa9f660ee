package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.MediaFormat.Encoding;
import dev.switchboard.media.audio.AgentAudioPath;
import dev.switchboard.media.audio.CallerAudioPath;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.dtmf.DtmfSender;
import dev.switchboard.media.playout.PlaybackPosition;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The agent's formats, one per direction, and G.711 passed through untouched both ways when the agent takes or
 * speaks the call's own law.
 */
class MediaSessionAgentFormatsTest extends MediaSessionFixture {

    private static final MediaFormat PCM16_16K = new MediaFormat(Encoding.PCM16_LE, 16_000);
    private static final int DTMF_TICKS = (DtmfSender.TONE_MILLIS + DtmfSender.PAUSE_MILLIS) / 20
            + DtmfSender.FINAL_COPIES;

    @Test
    void aGeminiLikeAgentListensAt16kHzAndSpeaksAt24kHz() {
        session.start(new StreamSettings(SDP_REMOTE, G711.MU_LAW, PCMU_PT, TELEPHONE_EVENT_PT, PCM16_16K,
                MediaFormat.PCM16_24K));
        byte[] spoken = tone(G711.MU_LAW);

        deliver(SDP_REMOTE, PCMU_PT, 1, spoken);
        session.playAgentAudio("item", 0, agentTone(1));
        ticks(PLAYOUT_DELAY_TICKS);

        assertArrayEquals(new CallerAudioPath(G711.MU_LAW, PCM16_16K).convert(spoken, 0, FRAME), callerAudio.get(0));
        assertEquals(640, callerAudio.get(0).length, "20 ms at 16 kHz");
        List<SentPacket> sent = readPackets();
        assertEquals(1, sent.size(), "960 bytes at 24 kHz are one 20 ms frame");
        assertArrayEquals(new AgentAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K).convert(agentTone(1)),
                sent.get(0).payload());
    }

    @Test
    void anAgentMayListenToPcmAndSpeakTheCallsLaw() {
        session.start(new StreamSettings(SDP_REMOTE, G711.MU_LAW, PCMU_PT, TELEPHONE_EVENT_PT, MediaFormat.PCM16_24K,
                law(G711.MU_LAW)));

        deliver(SDP_REMOTE, PCMU_PT, 1, tone(G711.MU_LAW));
        session.playAgentAudio("item", 0, everyCode(G711.MU_LAW));
        ticks(Math.max(2, PLAYOUT_DELAY_TICKS));

        assertEquals(CHUNK_24K_BYTES, callerAudio.get(0).length);
        assertEquals(2, readPackets().size(), "256 codes are two frames");
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void everyCodeTheAgentSpeaksInTheCallsLawReachesTheWireByteIdentical(G711 law) {
        session.start(passThrough(law));
        byte[] codes = everyCode(law);
        for (int at = 0; at < codes.length; at += 7) {
            session.playAgentAudio("item", 0, Arrays.copyOfRange(codes, at, Math.min(at + 7, codes.length)));
        }
        ticks(3);

        List<SentPacket> sent = readPackets();
        assertEquals(2, sent.size(), "256 codes are 1.6 frames");
        assertArrayEquals(Arrays.copyOfRange(codes, 0, FRAME), sent.get(0).payload());
        byte[] last = Arrays.copyOfRange(codes, FRAME, 2 * FRAME);
        Arrays.fill(last, codes.length - FRAME, FRAME, law.silence());
        assertArrayEquals(last, sent.get(1).payload(), "the rest, then the law's silence code");
        assertEquals(law.rtpPayloadType(), sent.get(0).header().payloadType());
        assertTrue(sent.get(0).header().marker());
        assertFalse(sent.get(1).header().marker());
    }

    @Test
    void theSilenceThatPadsALastFrameIsTheLawsOwn() {
        session.start(passThrough(G711.A_LAW));
        session.playAgentAudio("item", 0, new byte[] {0x55});
        ticks(1);

        byte[] expected = new byte[FRAME];
        Arrays.fill(expected, (byte) 0xD5);
        expected[0] = 0x55;
        assertArrayEquals(expected, readPackets().get(0).payload());
    }

    @Test
    void passedThroughAudioCountsEightCodesPerMillisecondOfEachItem() {
        session.start(passThrough(G711.MU_LAW));
        session.playAgentAudio("item-1", 0, new byte[800]);
        session.playAgentAudio("item-2", 0, new byte[400]);

        assertEquals(150, session.bufferedMillis());
        ticks(3);
        assertEquals(90, session.bufferedMillis());
        assertEquals(new PlaybackPosition("item-1", 0, 60), session.interruptPlayback());
        assertFalse(session.isPlaying());
        ticks(1);
        assertEquals(4, readPackets().size(), "three frames, and the one that ramps the cut voice down");

        session.playAgentAudio("item-3", 0, new byte[800]);
        session.playAgentAudio("item-3", 1, new byte[400]);
        ticks(6);
        assertEquals(new PlaybackPosition("item-3", 1, 20), session.interruptPlayback(), "5 frames, then 1 of part 1");
        assertEquals(6, readPackets().size());
    }

    @Test
    void aBargeInSilencesPassedThroughAudioAndTheNextResponseStartsATalkspurt() {
        session.start(passThrough(G711.MU_LAW));
        byte[] codes = everyCode(G711.MU_LAW);
        session.playAgentAudio("item-1", 0, codes);
        ticks(1);
        assertEquals(new PlaybackPosition("item-1", 0, 20), session.interruptPlayback());
        ticks(2);
        List<SentPacket> cut = readPackets();
        assertEquals(2, cut.size(), "the frame before the cut, one that ramps the voice down, nothing after");
        assertArrayEquals(Arrays.copyOf(codes, FRAME), cut.get(0).payload());
        assertFalse(cut.get(1).header().marker(), "the ramp ends the talkspurt it belongs to");

        session.playAgentAudio("item-2", 0, codes);
        ticks(1);

        SentPacket resumed = readPackets().get(0);
        assertTrue(resumed.header().marker());
        assertArrayEquals(Arrays.copyOf(codes, FRAME), resumed.payload(), "from its start");
        assertEquals(new PlaybackPosition("item-2", 0, 20), session.interruptPlayback());
    }

    @Test
    void digitsGoFirstAndPassedThroughAudioFollowsThemUntouched() {
        session.start(passThrough(G711.MU_LAW));
        session.sendDtmf("7");
        byte[] codes = everyCode(G711.MU_LAW);
        session.playAgentAudio("item", 0, codes);

        ticks(DTMF_TICKS);
        List<SentPacket> digit = readPackets();
        ticks(2);
        List<SentPacket> voice = readPackets();

        assertTrue(digit.stream().allMatch(p -> p.header().payloadType() == TELEPHONE_EVENT_PT), "only the digit");
        assertEquals(2, voice.size());
        assertEquals(PCMU_PT, voice.get(0).header().payloadType());
        assertTrue(voice.get(0).header().marker());
        assertArrayEquals(Arrays.copyOf(codes, FRAME), voice.get(0).payload());
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void theAgentHearsEveryCodeOfTheCallsLawExactlyAsItCameInRtp(G711 law) {
        session.start(passThrough(law));

        deliver(SDP_REMOTE, law.rtpPayloadType(), 1, everyCode(law));
        ticks(PLAYOUT_DELAY_TICKS);

        assertEquals(1, callerAudio.size());
        assertArrayEquals(everyCode(law), callerAudio.get(0));
    }

    @Test
    void localSpeechDetectionLeavesPassedThroughCallerAudioUntouched() {
        session.start(new StreamSettings(SDP_REMOTE, G711.MU_LAW, PCMU_PT, TELEPHONE_EVENT_PT, law(G711.MU_LAW),
                law(G711.MU_LAW), true));
        byte[] payload = everyCode(G711.MU_LAW);

        deliver(SDP_REMOTE, PCMU_PT, 1, payload);
        ticks(PLAYOUT_DELAY_TICKS);

        assertArrayEquals(everyCode(G711.MU_LAW), callerAudio.get(0));
        assertArrayEquals(everyCode(G711.MU_LAW), payload);
    }

    private static StreamSettings passThrough(G711 law) {
        return new StreamSettings(SDP_REMOTE, law, law.rtpPayloadType(), TELEPHONE_EVENT_PT, law(law));
    }

    private static MediaFormat law(G711 law) {
        return new MediaFormat(law == G711.MU_LAW ? Encoding.PCMU : Encoding.PCMA, 8_000);
    }

    /**
     * All 256 G.711 codes in order, starting at the law's silence code and wrapping round, so that a talkspurt of
     * them starts and ends quietly (μ-law 0xFF…0xFE: 0 to +8; A-law 0xD5…0xD4: +8 to +24) and no fade touches it.
     */
    private static byte[] everyCode(G711 law) {
        byte[] codes = new byte[256];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) (law.silence() + i);
        }
        return codes;
    }
}
