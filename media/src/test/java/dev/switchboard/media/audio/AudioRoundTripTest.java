package dev.switchboard.media.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.MediaFormat;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.codec.Resampler;
import org.junit.jupiter.api.Test;

/** Caller audio to the agent's 24 kHz and back to 8 kHz μ-law, as an echoing agent would send it. */
class AudioRoundTripTest {

    private static final int PACKET = 160;
    private static final int SECOND = 8_000;

    @Test
    void aOneKilohertzToneSurvives8kTo24kAndBack() {
        short[] sent = TestAudio.decode(G711.MU_LAW,
                TestAudio.encode(G711.MU_LAW, TestAudio.sine(8_000, 1_000, 10_000, SECOND)));
        CallerAudioPath toAgent = new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        AgentAudioPath fromAgent = new AgentAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K);
        byte[] payload = TestAudio.encode(G711.MU_LAW, sent);

        short[] received = new short[SECOND];
        for (int offset = 0; offset < SECOND; offset += PACKET) {
            short[] frame = TestAudio.decode(G711.MU_LAW, fromAgent.convert(toAgent.convert(payload, offset, PACKET)));
            assertEquals(PACKET, frame.length);
            System.arraycopy(frame, 0, received, offset, PACKET);
        }

        int delay = Resampler.create(8_000, 24_000).delay() / 3 + Resampler.create(24_000, 8_000).delay();
        // sent[n] comes back as received[n + delay]; skip the filters' run-in, leave room for the misaligned probe.
        int length = SECOND - 2 * delay - 2;
        double aligned = TestAudio.correlation(sent, delay, received, 2 * delay, length);
        double quarterPeriodOff = TestAudio.correlation(sent, delay, received, 2 * delay + 2, length);
        double gain = TestAudio.rms(received, 2 * delay, SECOND) / TestAudio.rms(sent, delay, SECOND - delay);

        assertTrue(aligned > 0.99, "correlation " + aligned);
        assertTrue(Math.abs(quarterPeriodOff) < 0.1, "misaligned by 90 degrees, correlation " + quarterPeriodOff);
        assertEquals(1.0, gain, 0.01, "gain");
    }
}
