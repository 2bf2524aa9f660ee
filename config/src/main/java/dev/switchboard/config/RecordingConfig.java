package dev.switchboard.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code recording:} section of an agent: where the audio of its calls is written, as WAV files.
 *
 * @param path    file name template, ending in {@code .wav}; relative templates in the configuration are
 *                resolved against the configuration file's directory, so this one is absolute. Its
 *                {@code {name}} placeholders, all of {@link #PLACEHOLDERS}, stand for: {@code call_id}
 *                the SIP Call-ID, {@code from} the caller's and {@code to} the dialed user part,
 *                {@code agent} the agent's name, {@code date} the call's start date (UTC,
 *                {@code yyyy-MM-dd}) and {@code time} its start time (UTC, {@code HHmmss}). Values from
 *                the call must be made safe as file names where the template is filled in.
 * @param enabled false to keep the section but record nothing; default true
 */
public record RecordingConfig(String path, boolean enabled) {

    /** The placeholder names a {@link #path()} template may use, each written in braces. */
    public static final List<String> PLACEHOLDERS = List.of("call_id", "from", "to", "agent", "date", "time");

    public RecordingConfig {
        Objects.requireNonNull(path, "path");
    }
}
