package dev.switchboard.config;

import static dev.switchboard.config.ConfigFixtures.MINIMAL;
import static dev.switchboard.config.ConfigFixtures.parse;
import static dev.switchboard.config.ConfigFixtures.problemAt;
import static dev.switchboard.config.ConfigFixtures.problems;
import static dev.switchboard.config.ConfigFixtures.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code media:} keys beyond addressing: codecs, codec_preference, jitter_buffer, timers and opus. */
class MediaSettingsTest {

    @Test
    void everyKeyIsRead() {
        MediaConfig media = parse(MINIMAL + """
                media:
                  codecs: [opus, G722, pcmu]
                  codec_preference: OURS
                  jitter_buffer: {min: 0ms, max: 1s}
                  inactivity_timeout: 2s
                  rtcp_interval: 1m
                  opus: {bitrate: 6000, complexity: 10, fec: false, packet_loss: 100, dtx: true}
                """).media();

        assertEquals(List.of("opus", "g722", "pcmu"), media.codecs());
        assertEquals(CodecPreference.OURS, media.codecPreference());
        assertEquals(new JitterBufferConfig(Duration.ZERO, Duration.ofSeconds(1)), media.jitterBuffer());
        assertEquals(Duration.ofSeconds(2), media.inactivityTimeout());
        assertTrue(media.inactivityCheckEnabled());
        assertEquals(Duration.ofSeconds(60), media.rtcpInterval());
        assertEquals(new OpusConfig(6000, 10, false, 100, true), media.opus());
    }

    @Test
    void defaultsPutG711FirstAndLetTheOfferChoose() {
        MediaConfig media = parse(MINIMAL).media();

        assertEquals(List.of("pcmu", "pcma", "g722", "opus"), media.codecs());
        assertEquals(CodecPreference.OFFER, media.codecPreference());
        assertEquals(Duration.ofMillis(20), media.jitterBuffer().min());
        assertEquals(Duration.ofMillis(200), media.jitterBuffer().max());
        assertEquals(Duration.ofSeconds(30), media.inactivityTimeout());
        assertEquals(Duration.ofSeconds(5), media.rtcpInterval());
        assertEquals(new OpusConfig(32000, 5, true, 10, false), media.opus());
    }

    @Test
    void partialSectionsKeepTheOtherDefaults() {
        MediaConfig media = parse(MINIMAL + "media: {jitter_buffer: {max: 500ms}, opus: {dtx: true}}\n").media();

        assertEquals(new JitterBufferConfig(Duration.ofMillis(20), Duration.ofMillis(500)), media.jitterBuffer());
        assertEquals(new OpusConfig(32000, 5, true, 10, true), media.opus());
    }

    @Test
    void badCodecListsNameTheItem() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                media:
                  codecs: [opus, g729, OPUS]
                trunks:
                  t: {addresses: [10.0.0.1], codecs: []}
                """);

        assertEquals("demo.yaml:3: media.codecs[1]: unknown codec 'g729' (did you mean 'g722'?) "
                + "(allowed: pcmu, pcma, g722, opus)", problemAt(problems, "media.codecs[1]").toString());
        assertEquals("codec 'opus' is listed twice", problemAt(problems, "media.codecs[2]").message());
        assertEquals(new ConfigProblem("demo.yaml", "trunks.t.codecs", 5,
                "needs at least one codec (allowed: pcmu, pcma, g722, opus)"), problemAt(problems, "trunks.t.codecs"));
        assertEquals(3, problems.size(), problems::toString);
    }

    @Test
    void badCodecPreferenceSuggestsClosest() {
        ConfigProblem problem = problemAt(problems(MINIMAL + "media:\n  codec_preference: offerer\n"),
                "media.codec_preference");

        assertEquals("demo.yaml:3: media.codec_preference: unknown codec preference 'offerer' (did you mean "
                + "'offer'?) (allowed: offer, ours)", problem.toString());
    }

    @Test
    void jitterBufferBoundsAreChecked() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                media:
                  jitter_buffer:
                    min: 2s
                    max: 10ms
                """);

        assertEquals(new ConfigProblem("demo.yaml", "media.jitter_buffer.min", 4,
                "must be within 0ms..1s, found '2s'"), problemAt(problems, "media.jitter_buffer.min"));
        assertEquals(new ConfigProblem("demo.yaml", "media.jitter_buffer.max", 5,
                "must be within 20ms..1s, found '10ms'"), problemAt(problems, "media.jitter_buffer.max"));
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void jitterBufferMinMustNotExceedMax() {
        ConfigProblem written = problemAt(problems(MINIMAL + """
                media:
                  jitter_buffer:
                    min: 300ms
                    max: 250ms
                """), "media.jitter_buffer.min");
        ConfigProblem defaulted = problemAt(problems(MINIMAL + "media: {jitter_buffer: {min: 300ms}}\n"),
                "media.jitter_buffer.min");

        assertEquals("demo.yaml:4: media.jitter_buffer.min: min 300ms is greater than max 250ms", written.toString());
        assertEquals("min 300ms is greater than max 200ms (the default; set max too)", defaulted.message());
        assertEquals(Duration.ofMillis(200),
                parse(MINIMAL + "media: {jitter_buffer: {min: 200ms}}\n").media().jitterBuffer().min());
    }

    @Test
    void invalidJitterBufferMaxIsReportedOnlyOnce() {
        List<ConfigProblem> problems = problems(MINIMAL + "media: {jitter_buffer: {min: 300ms, max: 5s}}\n");

        assertEquals("must be within 20ms..1s, found '5s'", problemAt(problems, "media.jitter_buffer.max").message());
        assertEquals(1, problems.size(), problems::toString);
    }

    @Test
    void inactivityTimeoutIsOffAtZeroOrAtLeastTwoSeconds() {
        MediaConfig off = parse(MINIMAL + "media: {inactivity_timeout: 0s}\n").media();
        List<ConfigProblem> problems = problems(MINIMAL + "media:\n  inactivity_timeout: 1500ms\n");

        assertEquals(Duration.ZERO, off.inactivityTimeout());
        assertFalse(off.inactivityCheckEnabled());
        assertEquals(new ConfigProblem("demo.yaml", "media.inactivity_timeout", 3,
                "must be 0s (off) or a duration of at least 2s, found '1500ms'"),
                problemAt(problems, "media.inactivity_timeout"));
        assertEquals(1, problems.size(), problems::toString);
    }

    @Test
    void inactivityTimeoutOffWordsPointAtZero() {
        ConfigProblem problem = problemAt(problems(MINIMAL + "media: {inactivity_timeout: off}\n"),
                "media.inactivity_timeout");

        assertEquals("write 0s to turn the inactivity check off, found 'off'", problem.message());
        assertEquals("invalid duration 'soon' (expected a whole number with unit ms, s, m or h, e.g. 500ms, 3s, "
                + "2m, 1h)", problemAt(problems(MINIMAL + "media: {inactivity_timeout: soon}\n"),
                        "media.inactivity_timeout").message());
    }

    @Test
    void rtcpIntervalRange() {
        assertEquals("demo.yaml:2: media.rtcp_interval: must be within 1s..1m, found '500ms'",
                problemAt(problems(MINIMAL + "media: {rtcp_interval: 500ms}\n"), "media.rtcp_interval").toString());
        assertEquals("must be within 1s..1m, found '61s'",
                problemAt(problems(MINIMAL + "media: {rtcp_interval: 61s}\n"), "media.rtcp_interval").message());
        assertEquals(Duration.ofSeconds(1), parse(MINIMAL + "media: {rtcp_interval: 1s}\n").media().rtcpInterval());
    }

    @Test
    void opusRangesAndFlags() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                media:
                  opus:
                    bitrate: 5999
                    complexity: 11
                    fec: yes
                    packet_loss: 101
                    dtx: maybe
                """);

        assertEquals(new ConfigProblem("demo.yaml", "media.opus.bitrate", 4, "must be within 6000..510000, found 5999"),
                problemAt(problems, "media.opus.bitrate"));
        assertEquals("must be within 0..10, found 11", problemAt(problems, "media.opus.complexity").message());
        assertEquals("demo.yaml:6: media.opus.fec: expected true or false, found 'yes'",
                problemAt(problems, "media.opus.fec").toString());
        assertEquals("must be within 0..100, found 101", problemAt(problems, "media.opus.packet_loss").message());
        assertEquals(8, problemAt(problems, "media.opus.dtx").line());
        assertEquals(5, problems.size(), problems::toString);
        assertEquals("must be within 6000..510000, found 510001", problemAt(
                problems(MINIMAL + "media: {opus: {bitrate: 510001}}\n"), "media.opus.bitrate").message());
    }

    @Test
    void flagsFromTheEnvironmentAreParsed() {
        SwitchboardConfig config = ConfigLoader.parse(MINIMAL + "media: {opus: {fec: \"${FEC}\", dtx: \"${DTX}\"}}\n",
                "demo.yaml", Map.of("FEC", "FALSE", "DTX", "true")::get);

        assertFalse(config.media().opus().fec());
        assertTrue(config.media().opus().dtx());
        assertEquals("the value from ${FEC} is invalid (expected true or false)", problemAt(problems(
                MINIMAL + "media: {opus: {fec: \"${FEC}\"}}\n", Map.of("FEC", "enabled")), "media.opus.fec").message());
    }

    @Test
    void fecWithoutExpectedLossIsAWarning() {
        List<ConfigProblem> warnings = warnings(MINIMAL + """
                media:
                  opus:
                    fec: true
                    packet_loss: 0
                """);

        assertEquals(List.of(new ConfigProblem("demo.yaml", "media.opus.fec", 4, "has no effect with packet_loss 0: "
                + "the Opus encoder adds in-band FEC only when it expects packet loss")), warnings);
        assertEquals(List.of(), warnings(MINIMAL + "media: {opus: {packet_loss: 0}}\n"));
        assertEquals(List.of(), warnings(MINIMAL + "media: {opus: {fec: false, packet_loss: 0}}\n"));
    }

    @Test
    void typosInNewSectionsSuggestTheKey() {
        List<ConfigProblem> problems = problems(MINIMAL + """
                media:
                  codec_preferences: ours
                  jitter_buffer: {mni: 10ms}
                  opus: {bitrate_bps: 32000}
                """);

        assertEquals("unknown key 'codec_preferences' (did you mean 'codec_preference'?)",
                problemAt(problems, "media.codec_preferences").message());
        assertEquals("unknown key 'mni' (did you mean 'min'?)", problemAt(problems, "media.jitter_buffer.mni").message());
        assertEquals(5, problemAt(problems, "media.opus.bitrate_bps").line());
        assertEquals(3, problems.size(), problems::toString);
    }
}
