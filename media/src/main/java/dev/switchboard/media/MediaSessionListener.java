package dev.switchboard.media;

/**
 * Receives what a call's media stream produces, on the call's event loop. Must not block or throw.
 */
public interface MediaSessionListener {

    /** A packet's worth of caller audio, already in the agent's format. */
    void onCallerAudio(byte[] audio);
}
