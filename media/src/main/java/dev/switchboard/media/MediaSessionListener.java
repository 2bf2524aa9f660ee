package dev.switchboard.media;

/**
 * Receives what a call's media stream produces, on the call's event loop. Must not block or throw.
 */
public interface MediaSessionListener {

    /** A packet's worth of caller audio, already in the agent's input format. */
    void onCallerAudio(byte[] audio);

    /**
     * The caller pressed a key ('0'–'9', '*', '#', 'A'–'D'), sent as an RFC 4733 telephone-event. Called once
     * per key press, as soon as its first packet arrives, however many packets report it.
     */
    default void onDtmf(char digit) {}

    /**
     * The caller started speaking, as the session's own energy detector hears it: only when the stream was
     * started with {@link StreamSettings#localVad()}. Called once per utterance, about 60 ms into it, whether or
     * not the agent is speaking: deciding that it is a barge-in (for example while {@link MediaSession#isPlaying()})
     * and calling {@link MediaSession#interruptPlayback()} is the listener's business. See
     * {@link dev.switchboard.media.audio.SpeechOnsetDetector} for what the detector can and cannot tell apart.
     */
    default void onCallerSpeechStarted() {}

    /**
     * Neither RTP nor RTCP has come from the caller for the configured inactivity timeout while the call was not
     * on hold: the far end is gone (a phone that lost power, a trunk that dropped the call without a BYE). Called
     * once; ending the call is the listener's business.
     */
    default void onMediaTimeout() {}
}
