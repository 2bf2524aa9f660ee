package dev.switchboard.media;

/** The media engine could not do what was asked, for example because no RTP port is free. */
public final class MediaException extends RuntimeException {

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
