package dev.switchboard.media;

/**
 * Receives what a call's media stream produces, on the call's event loop. Must not block or throw.
 */
public interface MediaSessionListener {

    /** A packet's worth of caller audio, already in the agent's format. */
    void onCallerAudio(byte[] audio);

    /**
     * The caller pressed a key ('0'–'9', '*', '#', 'A'–'D'), sent as an RFC 4733 telephone-event. Called once
     * per key press, as soon as its first packet arrives, however many packets report it.
     */
    default void onDtmf(char digit) {}
}
