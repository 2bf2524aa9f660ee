package dev.switchboard.media.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.MediaFormat;
import dev.switchboard.media.MediaFormat.Encoding;
import dev.switchboard.media.codec.G711;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallerAudioPathTest {

    private static final MediaFormat PCM16_8K = new MediaFormat(Encoding.PCM16_LE, 8_000);
    private static final MediaFormat PCMU = new MediaFormat(Encoding.PCMU, 8_000);
    private static final MediaFormat PCMA = new MediaFormat(Encoding.PCMA, 8_000);
    /** 20 ms at 8 kHz. */
    private static final int PACKET = 160;

    @Test
    void aMuLawPacketBecomes20MillisecondsOf24kHzPcm16() {
        CallerAudioPath path = new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        byte[] tone = TestAudio.encode(G711.MU_LAW, TestAudio.sine(8_000, 1_000, 8_000, 3 * PACKET));

        for (int packet = 0; packet < 3; packet++) {
            assertEquals(960, path.convert(tone, packet * PACKET, PACKET).length, "packet " + packet);
        }
    }

    @ParameterizedTest(name = "{0} Hz")
    @CsvSource({"8000, 320", "16000, 640", "24000, 960", "48000, 1920"})
    void outputSizeFollowsTheAgentRate(int rate, int bytesPer20ms) {
        CallerAudioPath path = new CallerAudioPath(G711.A_LAW, new MediaFormat(Encoding.PCM16_LE, rate));

        assertEquals(bytesPer20ms, path.convert(new byte[PACKET], 0, PACKET).length);
        assertEquals(bytesPer20ms, path.convert(new byte[PACKET], 0, PACKET).length);
    }

    @Test
    void packetsOfOtherDurationsScaleTheSame() {
        CallerAudioPath path = new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);

        assertEquals(480, path.convert(new byte[80], 0, 80).length);
        assertEquals(1440, path.convert(new byte[240], 0, 240).length);
        assertEquals(960, path.convert(new byte[160], 0, 160).length);
    }

    @Test
    void keepsFilterHistoryAcrossPacketsSoChunkingDoesNotChangeTheOutput() {
        byte[] tone = TestAudio.encode(G711.MU_LAW, TestAudio.sine(8_000, 1_020, 12_000, 800));
        byte[] whole = new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K).convert(tone, 0, tone.length);

        CallerAudioPath chunked = new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int[] sizes = {160, 80, 240, 160, 160};
        int offset = 0;
        for (int size : sizes) {
            joined.writeBytes(chunked.convert(tone, offset, size));
            offset += size;
        }

        assertEquals(tone.length, offset);
        assertArrayEquals(whole, joined.toByteArray());
    }

    @Test
    void convertsOnlyTheGivenSliceOfThePayload() {
        byte[] tone = TestAudio.encode(G711.MU_LAW, TestAudio.sine(8_000, 1_000, 8_000, PACKET));
        byte[] datagram = new byte[12 + PACKET + 4];
        Arrays.fill(datagram, (byte) 0x00);
        System.arraycopy(tone, 0, datagram, 12, PACKET);

        byte[] fromSlice = new CallerAudioPath(G711.MU_LAW, PCM16_8K).convert(datagram, 12, PACKET);
        byte[] fromWhole = new CallerAudioPath(G711.MU_LAW, PCM16_8K).convert(tone, 0, PACKET);

        assertArrayEquals(fromWhole, fromSlice);
    }

    @Test
    void decodesMuLawWithTheMuLawTable() {
        byte[] payload = everyCode();

        byte[] pcm = new CallerAudioPath(G711.MU_LAW, PCM16_8K).convert(payload, 0, payload.length);

        assertArrayEquals(Pcm16.toBytes(TestAudio.decode(G711.MU_LAW, payload), payload.length), pcm);
    }

    @Test
    void decodesALawWithTheALawTable() {
        byte[] payload = everyCode();

        byte[] pcm = new CallerAudioPath(G711.A_LAW, PCM16_8K).convert(payload, 0, payload.length);

        assertArrayEquals(Pcm16.toBytes(TestAudio.decode(G711.A_LAW, payload), payload.length), pcm);
        assertFalse(Arrays.equals(pcm, new CallerAudioPath(G711.MU_LAW, PCM16_8K).convert(payload, 0, payload.length)),
                "the two laws decode differently");
    }

    @Test
    void muLawSilenceStaysSilent() {
        byte[] silence = new byte[PACKET];
        Arrays.fill(silence, G711.MU_LAW.silence());

        byte[] pcm = new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K).convert(silence, 0, PACKET);

        assertArrayEquals(new byte[960], pcm);
    }

    @Test
    void muLawPassesThroughToAMuLawAgentUntouched() {
        byte[] payload = everyCode();
        CallerAudioPath path = new CallerAudioPath(G711.MU_LAW, PCMU);

        byte[] out = path.convert(payload, 0, payload.length);

        assertArrayEquals(everyCode(), out);
        assertNotSame(payload, out);
    }

    @Test
    void aLawPassesThroughToAnALawAgentUntouched() {
        byte[] payload = everyCode();

        byte[] out = new CallerAudioPath(G711.A_LAW, PCMA).convert(payload, 10, 100);

        assertArrayEquals(Arrays.copyOfRange(everyCode(), 10, 110), out);
    }

    @Test
    void passThroughReturnsACopyThatTheCallerMayReuse() {
        byte[] payload = {1, 2, 3, 4};
        byte[] out = new CallerAudioPath(G711.MU_LAW, PCMU).convert(payload, 0, 4);
        payload[0] = 99;

        assertEquals(1, out[0]);
    }

    @Test
    void anAgentOnTheOtherLawGetsEveryCodeTranscoded() {
        byte[] alaw = new byte[256];
        for (int i = 0; i < 256; i++) {
            alaw[i] = (byte) i;
        }
        byte[] ulaw = new CallerAudioPath(G711.A_LAW, PCMU).convert(alaw, 0, 256);

        assertEquals(256, ulaw.length, "one mu-law byte per A-law byte, not PCM16");
        for (int i = 0; i < 256; i++) {
            assertEquals(G711.MU_LAW.encode(G711.A_LAW.decode(alaw[i])), ulaw[i], "code " + i);
        }
        byte zero = G711.MU_LAW.silence();
        assertArrayEquals(new byte[] {zero, zero}, new CallerAudioPath(G711.A_LAW, PCMU).silence(2),
                "silence is digital zero in the agent's law, whatever the call's codec");
    }

    @Test
    void muLawSilenceIsTwentyMillisecondsOfZeroPcmForAFreshPath() {
        CallerAudioPath path = new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);

        assertArrayEquals(new byte[960], path.silence(PACKET));
    }

    /** A-law has no zero: its silence character is the smallest positive level, +8 of 32767. */
    @Test
    void aLawSilenceIsTwentyMillisecondsOfTheSmallestLevel() {
        CallerAudioPath path = new CallerAudioPath(G711.A_LAW, MediaFormat.PCM16_24K);

        byte[] silence = path.silence(PACKET);

        assertEquals(960, silence.length);
        short[] samples = Pcm16.toSamples(silence);
        assertTrue(TestAudio.peak(samples, 0, samples.length) <= 9, "peak " + TestAudio.peak(samples, 0, samples.length));
    }

    @Test
    void passThroughSilenceIsTheLawsSilenceCharacter() {
        byte[] muLaw = new byte[PACKET];
        Arrays.fill(muLaw, (byte) 0xFF);
        byte[] aLaw = new byte[PACKET];
        Arrays.fill(aLaw, (byte) 0xD5);

        assertArrayEquals(muLaw, new CallerAudioPath(G711.MU_LAW, PCMU).silence(PACKET));
        assertArrayEquals(aLaw, new CallerAudioPath(G711.A_LAW, PCMA).silence(PACKET));
    }

    @Test
    void silenceRunsThroughTheSameFilterAsSpeech() {
        byte[] speech = TestAudio.encode(G711.MU_LAW, TestAudio.sine(8_000, 1_000, 12_000, PACKET));
        byte[] silenceCodes = new byte[PACKET];
        Arrays.fill(silenceCodes, G711.MU_LAW.silence());
        CallerAudioPath viaSilence = new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        CallerAudioPath viaConvert = new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        viaSilence.convert(speech, 0, PACKET);
        viaConvert.convert(speech, 0, PACKET);

        byte[] tail = viaSilence.silence(PACKET);

        assertArrayEquals(viaConvert.convert(silenceCodes, 0, PACKET), tail);
        assertFalse(Arrays.equals(new byte[960], tail), "the speech's filter tail comes out first");
    }

    /** All 256 G.711 characters. */
    private static byte[] everyCode() {
        byte[] codes = new byte[256];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) i;
        }
        return codes;
    }
}
