package dev.switchboard.media.audio;

import dev.switchboard.media.jitter.JitterBuffer;
import dev.switchboard.media.jitter.JitterBufferConfig;
import dev.switchboard.media.jitter.JitterStats;
import dev.switchboard.media.jitter.PlayoutSegment;
import dev.switchboard.media.plc.ComfortNoise;
import dev.switchboard.media.voice.FrameDecoder;
import dev.switchboard.media.voice.MalformedPayloadException;
import dev.switchboard.media.voice.VoiceCodec;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The caller's voice from the wire to the agent: RTP payloads wait in the jitter buffer, and on each pacing tick
 * what is due is decoded, or made up for packets lost or too late (the codec's concealment: pitch repetition for
 * G.711 and G.722, PLC or in-band FEC for Opus), or filled with comfort noise where the caller's phone went quiet
 * on purpose (RFC 3389 CN, DTX). The PCM goes to a {@link Listener} (speech detection, recording), and the agent
 * gets it in its own format; a G.711 payload in the agent's own law passes through untouched.
 *
 * <p>Threading: confined to the call's event loop.
 */
public final class CallerStream implements AutoCloseable {

    /** What the stream hands on. */
    public interface Listener {
        /** The caller's audio for the agent, in the agent's input format. */
        void agentAudio(byte[] audio);

        /** The same audio as PCM at the codec's decoded rate; the array is reused after the call returns. */
        void pcm(short[] pcm, int length);
    }

    /** A decoded frame quieter than this (about -50 dBFS) is silence the jitter buffer may adjust its delay in. */
    private static final double SILENT_RMS = 100;
    /**
     * Silent frames in a row before one may be discarded to shrink the delay: a pause between sentences, not the
     * gap between two words, so the caller's speech keeps its rhythm.
     */
    private static final int SILENT_RUN_BEFORE_DISCARD = 5;


    private final VoiceCodec codec;
    private final JitterBuffer jitter;
    private final FrameDecoder decoder;
    private final ComfortNoise comfortNoise;
    private final CallerAudioPath path;
    private final Listener listener;
    private final short[] pcm;
    private final int maxChunk;
    private long malformed;
    private boolean comfortNoiseOn;
    private int silentRun;
    /** Decoded-rate samples owed by gaps whose tick count did not convert exactly (G.722, Opus at 16/24 kHz). */
    private long tickRemainder;

    public CallerStream(VoiceCodec codec, JitterBufferConfig config, CallerAudioPath path, Listener listener) {
        this.codec = codec;
        this.jitter = new JitterBuffer(config);
        this.decoder = codec.newDecoder();
        this.comfortNoise = new ComfortNoise(codec.decodedRate(), ThreadLocalRandom.current().nextLong());
        this.path = path;
        this.listener = listener;
        this.maxChunk = decoder.maxSamples(1500);
        this.pcm = new short[maxChunk];
    }

    /** A received audio or CN packet; the stream keeps {@code payload} until it plays. */
    public void offer(long ssrc, int sequence, long timestamp, boolean marker, int payloadType, byte[] payload,
            long arrivalNanos) {
        jitter.offer(ssrc, sequence, timestamp, marker, payloadType, payload, arrivalNanos);
    }

    /**
     * Plays what is due at {@code nowNanos}; returns how many samples, at the codec's decoded rate, reached the
     * agent. A packet longer than a tick plays whole on one tick and nothing on the next ones it covers.
     */
    public int tick(long nowNanos) {
        int played = 0;
        for (PlayoutSegment segment : jitter.poll(nowNanos)) {
            switch (segment) {
                case PlayoutSegment.Audio audio -> played += play(audio);
                case PlayoutSegment.ComfortNoise noise ->
                        comfortNoiseOn |= comfortNoise.update(noise.payload(), 0, noise.payload().length);
                case PlayoutSegment.Gap gap -> played += fill(gap);
            }
        }
        return played;
    }

    public JitterStats stats() {
        return jitter.stats();
    }

    /** Payloads the codec could not decode (their time was concealed). */
    public long malformed() {
        return malformed;
    }

    @Override
    public void close() {
        decoder.close();
    }

    private int play(PlayoutSegment.Audio audio) {
        byte[] payload = audio.payload();
        int samples;
        try {
            samples = decoder.decode(payload, 0, payload.length, pcm, 0);
        } catch (MalformedPayloadException e) {
            malformed++;
            int concealed = samples(audio.ticks());
            conceal(concealed, null);
            return concealed;
        }
        silentRun = rms(samples) < SILENT_RMS ? silentRun + 1 : 0;
        if (silentRun >= SILENT_RUN_BEFORE_DISCARD) {
            if (jitter.overTarget()) {
                jitter.discardPlayed(audio.ticks());
                return 0;
            }
            jitter.lastAudioWasSilent();
        }
        if (comfortNoiseOn) {
            comfortNoise.fadeInto(pcm, 0, samples);
            comfortNoiseOn = false;
        }
        listener.pcm(pcm, samples);
        listener.agentAudio(path.passesThrough() ? path.passThrough(payload, 0, payload.length)
                : path.convert(pcm, 0, samples));
        return samples;
    }

    private int fill(PlayoutSegment.Gap gap) {
        int samples = samples(gap.ticks());
        if (gap.cause().concealed()) {
            conceal(samples, gap.next());
            return samples;
        }
        for (int done = 0; done < samples; ) {
            int chunk = Math.min(maxChunk, samples - done);
            if (comfortNoiseOn) {
                comfortNoise.generate(pcm, 0, chunk);
            } else {
                java.util.Arrays.fill(pcm, 0, chunk, (short) 0);
            }
            deliver(chunk);
            done += chunk;
        }
        return samples;
    }

    /** Conceals in pieces the buffer can hold; only the last piece may use the next packet's FEC. */
    private void conceal(int samples, byte[] next) {
        for (int done = 0; done < samples; ) {
            int chunk = Math.min(maxChunk, samples - done);
            boolean last = done + chunk == samples;
            byte[] fec = last ? next : null;
            decoder.conceal(chunk, fec, 0, fec == null ? 0 : fec.length, pcm, 0);
            deliver(chunk);
            done += chunk;
        }
    }

    private void deliver(int samples) {
        listener.pcm(pcm, samples);
        listener.agentAudio(path.convert(pcm, 0, samples));
    }

    /** RTP clock ticks as decoded samples, carrying any fraction to the next gap so time never drifts. */
    private int samples(int ticks) {
        long scaled = (long) ticks * codec.decodedRate() + tickRemainder;
        tickRemainder = scaled % codec.rtpClockRate();
        return (int) (scaled / codec.rtpClockRate());
    }

    private double rms(int samples) {
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return samples == 0 ? 0 : Math.sqrt(sum / samples);
    }
}
