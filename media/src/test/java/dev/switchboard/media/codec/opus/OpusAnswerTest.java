package dev.switchboard.media.codec.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OpusAnswerTest {

    /** An OpenAI-style agent listens and speaks at 24 kHz; Gemini listens at 16 kHz and speaks at 24 kHz. */
    private static final OpusEncoderSettings AGENT_VOICE = OpusEncoderSettings.voice(24_000);

    @Test
    void answersForAMonoVoiceAgent() {
        OpusAnswer answer = OpusAnswer.negotiate(OpusFmtp.DEFAULTS, OptionalInt.empty(), AGENT_VOICE, 16_000);
        assertEquals("maxplaybackrate=16000;sprop-maxcapturerate=24000;stereo=0;sprop-stereo=0;useinbandfec=1;"
                + "usedtx=0", answer.fmtp().format());
        assertEquals(16_000, answer.decoderSampleRate());
    }

    @Test
    void aPeerWithoutFmtpGetsMonoVbrWithoutFecOrDtx() {
        OpusEncoderSettings encoder =
                OpusAnswer.negotiate(OpusFmtp.DEFAULTS, OptionalInt.empty(), AGENT_VOICE, 24_000).encoder();
        assertEquals(new OpusEncoderSettings(24_000, 20, 24_000, 5, false, 10, false, false, 48_000), encoder);
    }

    @Test
    void theEncoderFollowsThePeersPreferences() {
        OpusFmtp remote = OpusFmtp.parse("maxplaybackrate=16000;maxaveragebitrate=20000;useinbandfec=1;usedtx=1;cbr=1");
        OpusEncoderSettings encoder = OpusAnswer.negotiate(remote, OptionalInt.empty(), AGENT_VOICE, 16_000).encoder();
        assertEquals(20_000, encoder.bitrate());
        assertEquals(16_000, encoder.maxPlaybackRate());
        assertTrue(encoder.inbandFec());
        assertTrue(encoder.dtx());
        assertTrue(encoder.cbr());
        assertEquals(24_000, encoder.sampleRate());
    }

    @Test
    void aHigherMaxAverageBitrateDoesNotRaiseOurs() {
        OpusFmtp remote = OpusFmtp.parse("maxaveragebitrate=128000");
        assertEquals(24_000, OpusAnswer.negotiate(remote, OptionalInt.empty(), AGENT_VOICE, 16_000).encoder().bitrate());
    }

    @Test
    void fecStaysOffWhenWeDoNotWantItEvenIfThePeerCanUseIt() {
        OpusEncoderSettings noFec = new OpusEncoderSettings(24_000, 20, 24_000, 5, false, 0, false, false, 48_000);
        OpusFmtp remote = OpusFmtp.parse("useinbandfec=1");
        assertFalse(OpusAnswer.negotiate(remote, OptionalInt.empty(), noFec, 16_000).encoder().inbandFec());
    }

    @Test
    void framesShrinkOnlyWhenMaxptimeForbidsTwentyMilliseconds() {
        assertEquals(20, frameMillis(OptionalInt.of(120)));
        assertEquals(20, frameMillis(OptionalInt.of(20)));
        assertEquals(10, frameMillis(OptionalInt.of(10)));
        assertEquals(10, frameMillis(OptionalInt.of(5)));
    }

    @Test
    void rtpFactsHoldWhateverTheCodecRate() {
        assertEquals("opus/48000/2", OpusRtp.RTPMAP);
        assertEquals(960, OpusRtp.timestampUnits(320, 16_000));
        assertEquals(960, OpusRtp.timestampUnits(480, 24_000));
        assertEquals(960, OpusRtp.timestampUnits(960, 48_000));
        assertEquals(320, OpusRtp.samples(960, 16_000));
    }

    @Test
    void thePlaybackRateMustBeAnOpusRate() {
        assertThrows(IllegalArgumentException.class,
                () -> OpusAnswer.negotiate(OpusFmtp.DEFAULTS, OptionalInt.empty(), AGENT_VOICE, 22_050));
    }

    private static int frameMillis(OptionalInt maxptime) {
        return OpusAnswer.negotiate(OpusFmtp.DEFAULTS, maxptime, AGENT_VOICE, 16_000).encoder().frameMillis();
    }
}
