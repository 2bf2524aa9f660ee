package dev.switchboard.media.codec.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Packets from an encoder we did not write: opusenc (opus-tools 0.2, libopus 1.3.1) coded the speech fixture;
 * see README.txt beside it.
 */
class OpusInteropTest {

    private static final int RATE = 24_000;
    private static final int FRAME = 480;

    @Test
    void decodesAnotherEncodersStreamBackToTheSpeech() throws OpusPacketException {
        short[] speech = Signals.speech24k();
        OggOpusPackets stream = OggOpusPackets.read(Signals.resource("speech-opusenc.opus"));
        short[] decoded = new short[stream.packets().size() * FRAME];
        int at = 0;
        try (OpusDecoder decoder = OpusDecoder.open(RATE)) {
            for (byte[] packet : stream.packets()) {
                assertEquals(FRAME, decoder.decode(packet, 0, packet.length, decoded, at));
                at += FRAME;
            }
        }
        int preSkip = stream.preSkip() * RATE / OpusRtp.CLOCK_RATE;
        int delay = Signals.delay(speech, decoded, 600);
        assertTrue(Math.abs(delay - preSkip) <= 3, "delay " + delay + " against the stream's pre-skip " + preSkip);
        double correlation = Signals.correlation(speech, decoded, delay, 0, speech.length - delay);
        // Measured 0.985: opusenc chose hybrid full-band at 24 kbit/s with complexity 10.
        assertTrue(correlation >= 0.97, "correlation " + correlation);
    }
}
