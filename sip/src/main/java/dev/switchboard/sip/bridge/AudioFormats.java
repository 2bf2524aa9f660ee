package dev.switchboard.sip.bridge;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.media.MediaFormat;

/** Translates the agent API's audio format into the media engine's, which know nothing of each other. */
public final class AudioFormats {

    private AudioFormats() {}

    public static MediaFormat toMedia(AudioFormat format) {
        MediaFormat.Encoding encoding = switch (format.encoding()) {
            case PCM16 -> MediaFormat.Encoding.PCM16_LE;
            case PCMU -> MediaFormat.Encoding.PCMU;
            case PCMA -> MediaFormat.Encoding.PCMA;
        };
        return new MediaFormat(encoding, format.sampleRate());
    }
}
