package dev.switchboard.media.voice;

/** An RTP payload its codec cannot decode; the caller conceals the frame and counts the packet as malformed. */
public final class MalformedPayloadException extends Exception {

    public MalformedPayloadException(String message) {
        super(message, null, false, false);
    }
}
