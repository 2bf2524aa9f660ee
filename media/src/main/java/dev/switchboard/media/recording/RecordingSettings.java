package dev.switchboard.media.recording;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * How one agent's calls are recorded.
 *
 * @param path       where each recording goes
 * @param sampleRate the recording's rate: 8000, 16000, 24000 or 48000 Hz; both sides are handed over at this
 *                   rate, resampled first if the call's codec runs at another
 * @param zone       the zone of the {@code {date}} and {@code {time}} placeholders; UTC by default, so that names
 *                   sort in call order across daylight-saving changes and servers in different zones agree
 */
public record RecordingSettings(PathTemplate path, int sampleRate, ZoneId zone) {

    public static final List<Integer> SAMPLE_RATES = List.of(8_000, 16_000, 24_000, 48_000);
    public static final int DEFAULT_SAMPLE_RATE = 8_000;
    public static final String DEFAULT_PATH = "recordings/{date}/{call_id}-{from}-{to}.wav";

    public RecordingSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(zone, "zone");
        if (!SAMPLE_RATES.contains(sampleRate)) {
            throw new IllegalArgumentException("recording rate " + sampleRate + " Hz is not one of " + SAMPLE_RATES);
        }
    }

    /** Recording to {@code path} at {@code sampleRate}, names in UTC. */
    public RecordingSettings(PathTemplate path, int sampleRate) {
        this(path, sampleRate, ZoneOffset.UTC);
    }

    /** Samples in 20 ms, the size of the chunks audio is handed over in. */
    int samplesPerChunk() {
        return sampleRate / 50;
    }
}
