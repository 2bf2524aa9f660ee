package dev.switchboard.media.jitter;

/**
 * A stretch of the caller's audio that is due: a packet to decode, comfort noise to generate, or a gap to fill.
 * Durations are ticks of the stream's RTP clock (G.722: 8000 Hz ticks, two 16 kHz samples each).
 */
public sealed interface PlayoutSegment permits PlayoutSegment.Audio, PlayoutSegment.ComfortNoise,
        PlayoutSegment.Gap {

    /** The RTP timestamp where the segment starts, in the stream that was playing. */
    long timestamp();

    /** How long the segment plays, in RTP clock ticks. */
    int ticks();

    /** A packet's payload, to decode. The array is the one offered; the buffer no longer holds it. */
    record Audio(long timestamp, int ticks, int sequenceNumber, byte[] payload) implements PlayoutSegment {}

    /**
     * An RFC 3389 CN packet: the sender went silent. Start (or update) comfort noise from the payload. It takes no
     * time itself: the {@link Gap.Cause#SILENCE} and {@link Gap.Cause#PADDING} gaps that follow carry the time,
     * until the next {@link Audio}.
     */
    record ComfortNoise(long timestamp, byte[] payload) implements PlayoutSegment {

        @Override
        public int ticks() {
            return 0;
        }
    }

    /**
     * Time with no packet to play.
     *
     * @param next the payload of the packet that starts exactly where this gap ends, when it is already buffered
     *             (else {@code null}): an Opus decoder can recover the gap's last frame from that packet's in-band
     *             FEC (RFC 6716 §2.1.7) instead of running its PLC
     */
    record Gap(long timestamp, int ticks, Cause cause, byte[] next) implements PlayoutSegment {

        /** Why there is nothing to play, which says how to fill it. */
        public enum Cause {
            /**
             * Stream time with no packet to play: it was lost, or comes too late. (When the buffer runs dry it
             * cannot yet tell a lost packet from a sender that paused without CN; either way, conceal it.)
             */
            LOST(true, true),
            /**
             * Stream time the sender left empty on purpose (after CN, or a jump in timestamps with no sequence
             * number missing: DTX): continue comfort noise, or play silence.
             */
            SILENCE(true, false),
            /**
             * The buffer ran dry and waits for a late packet, growing its delay; not stream time: conceal it.
             */
            WAITING(false, true),
            /**
             * Silence the buffer inserts to grow its delay where it is not heard (before a talkspurt, after a
             * silent frame); not stream time: continue comfort noise, or play silence.
             */
            PADDING(false, false);

            private final boolean streamTime;
            private final boolean concealed;

            Cause(boolean streamTime, boolean concealed) {
                this.streamTime = streamTime;
                this.concealed = concealed;
            }

            /** Whether the gap takes the place of stream time, as opposed to time the buffer inserted. */
            public boolean streamTime() {
                return streamTime;
            }

            /** Whether the gap interrupts audio and wants concealment (PLC), rather than comfort noise or silence. */
            public boolean concealed() {
                return concealed;
            }
        }
    }
}
