package dev.switchboard.media.codec.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OpusFmtpTest {

    @Test
    void absentParametersMeanTheRfcDefaults() {
        assertEquals(OpusFmtp.DEFAULTS, OpusFmtp.parse(null));
        assertEquals(OpusFmtp.DEFAULTS, OpusFmtp.parse(""));
        assertEquals(OpusFmtp.DEFAULTS, OpusFmtp.parse("   "));
        assertEquals(48_000, OpusFmtp.DEFAULTS.maxPlaybackRate());
        assertEquals(48_000, OpusFmtp.DEFAULTS.spropMaxCaptureRate());
        assertEquals(OptionalInt.empty(), OpusFmtp.DEFAULTS.maxAverageBitrate());
    }

    @Test
    void readsEveryParameter() {
        OpusFmtp fmtp = OpusFmtp.parse("maxplaybackrate=16000;sprop-maxcapturerate=8000;maxaveragebitrate=20000;"
                + "stereo=1;sprop-stereo=1;cbr=1;useinbandfec=1;usedtx=1");
        assertEquals(new OpusFmtp(16_000, 8_000, OptionalInt.of(20_000), true, true, true, true, true), fmtp);
    }

    /** As WebRTC browsers send it: one parameter, the others left to their defaults. */
    @Test
    void readsABrowserOffer() {
        OpusFmtp fmtp = OpusFmtp.parse("minptime=10;useinbandfec=1");
        assertEquals(new OpusFmtp(48_000, 48_000, OptionalInt.empty(), false, false, false, true, false), fmtp);
    }

    @Test
    void namesAreCaseInsensitiveAndSpacesDoNotMatter() {
        OpusFmtp fmtp = OpusFmtp.parse(" MaxPlaybackRate = 24000 ; USEINBANDFEC=1 ;  usedtx =1; ");
        assertEquals(24_000, fmtp.maxPlaybackRate());
        assertEquals(true, fmtp.useInbandFec());
        assertEquals(true, fmtp.useDtx());
    }

    @Test
    void garbageValuesKeepTheDefaultsAndThrowNothing() {
        OpusFmtp fmtp = OpusFmtp.parse("maxplaybackrate=lots;sprop-maxcapturerate=-8000;maxaveragebitrate=99999999999;"
                + "stereo=yes;sprop-stereo=;cbr=2;useinbandfec=true;usedtx=0x1;=1;;junk;maxplaybackrate");
        assertEquals(OpusFmtp.DEFAULTS, fmtp);
    }

    @Test
    void outOfRangeNumbersAreIgnored() {
        OpusFmtp fmtp = OpusFmtp.parse("maxplaybackrate=4000;sprop-maxcapturerate=96000;maxaveragebitrate=5999");
        assertEquals(OpusFmtp.DEFAULTS, fmtp);
        assertEquals(OptionalInt.of(510_000), OpusFmtp.parse("maxaveragebitrate=510000").maxAverageBitrate());
        assertEquals(OptionalInt.empty(), OpusFmtp.parse("maxaveragebitrate=510001").maxAverageBitrate());
    }

    @Test
    void theLastOfARepeatedParameterCounts() {
        assertEquals(16_000, OpusFmtp.parse("maxplaybackrate=8000;maxplaybackrate=16000").maxPlaybackRate());
    }

    @Test
    void formatsWhatItParses() {
        String ours = "maxplaybackrate=16000;sprop-maxcapturerate=24000;stereo=0;sprop-stereo=0;useinbandfec=1;usedtx=0";
        assertEquals(ours, OpusFmtp.parse(ours).format());
        String all = "maxplaybackrate=8000;sprop-maxcapturerate=8000;maxaveragebitrate=12000;stereo=1;sprop-stereo=1;"
                + "cbr=1;useinbandfec=0;usedtx=1";
        assertEquals(all, OpusFmtp.parse(all).format());
    }

    @Test
    void constructedValuesMustBeInRange() {
        assertThrows(IllegalArgumentException.class,
                () -> new OpusFmtp(7_999, 48_000, OptionalInt.empty(), false, false, false, false, false));
        assertThrows(IllegalArgumentException.class,
                () -> new OpusFmtp(48_000, 48_000, OptionalInt.of(1_000), false, false, false, false, false));
    }
}
