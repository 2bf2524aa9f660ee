package dev.switchboard.agent.local;

import com.sun.speech.freetts.audio.AudioPlayer;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayOutputStream;

/**
 * A FreeTTS audio "player" that plays nothing: it keeps the PCM a voice renders, in the format the voice announced,
 * so the synthesizer can take it as bytes. FreeTTS calls it from its own output thread while {@code Voice.speak}
 * waits; the stream's own synchronisation hands the bytes over to the thread that called {@code speak}.
 */
final class PcmCollector implements AudioPlayer {

    private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    private volatile AudioFormat format;

    /** The audio rendered since the last call, and forgets it. */
    byte[] take() {
        byte[] audio = pcm.toByteArray();
        pcm.reset();
        return audio;
    }

    @Override
    public void setAudioFormat(AudioFormat audioFormat) {
        this.format = audioFormat;
    }

    @Override
    public AudioFormat getAudioFormat() {
        return format;
    }

    @Override
    public boolean write(byte[] audio) {
        return write(audio, 0, audio.length);
    }

    @Override
    public boolean write(byte[] audio, int offset, int length) {
        pcm.write(audio, offset, length);
        return true;
    }

    @Override
    public void reset() {
        pcm.reset();
    }

    @Override
    public void cancel() {
        pcm.reset();
    }

    @Override
    public boolean drain() {
        return true;
    }

    @Override
    public boolean end() {
        return true;
    }

    @Override
    public float getVolume() {
        return 1.0f;
    }

    @Override
    public long getTime() {
        return 0;
    }

    // The playback controls and metrics below mean nothing for a collector.

    @Override
    public void begin(int size) {
    }

    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void close() {
    }

    @Override
    public void setVolume(float volume) {
    }

    @Override
    public void resetTime() {
    }

    @Override
    public void startFirstSampleTimer() {
    }

    @Override
    public void showMetrics() {
    }
}
