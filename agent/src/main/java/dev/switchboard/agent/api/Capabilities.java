package dev.switchboard.agent.api;

import java.time.Duration;
import java.util.Set;

/**
 * What a provider can do, so the call adapts to it without knowing which provider it is.
 *
 * @param inputFormats        caller audio formats it accepts (G.711 here means RTP payloads can pass through)
 * @param outputFormats       formats it can speak in
 * @param serverVad           it reports the caller starting to speak ({@link ServerEvent.SpeechStarted}); without
 *                            it the call detects barge-in itself
 * @param truncation          it can forget the unheard part of an interrupted item
 * @param historyItems        a new session can be given the conversation so far as items; without it the
 *                            transcript is folded into the instructions
 * @param resumption          a dropped session can be resumed by handle, context and all (Gemini)
 * @param maxSessionDuration  how long one connection may last; sessions are recycled before that
 */
public record Capabilities(
        Set<AudioFormat> inputFormats,
        Set<AudioFormat> outputFormats,
        boolean serverVad,
        boolean truncation,
        boolean historyItems,
        boolean resumption,
        Duration maxSessionDuration) {

    public Capabilities {
        inputFormats = Set.copyOf(inputFormats);
        outputFormats = Set.copyOf(outputFormats);
    }

    /** Whether both directions can carry {@code format} as is. */
    public boolean speaks(AudioFormat format) {
        return inputFormats.contains(format) && outputFormats.contains(format);
    }
}
