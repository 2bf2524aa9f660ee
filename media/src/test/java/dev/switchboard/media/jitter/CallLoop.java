package dev.switchboard.media.jitter;

import dev.switchboard.media.jitter.PlayoutSegment.Audio;
import dev.switchboard.media.jitter.PlayoutSegment.Gap;
import java.util.ArrayList;
import java.util.List;

/**
 * A jitter buffer driven as the call's loop drives it, on hand-made 20 ms G.711 packets (160 ticks of 8 kHz):
 * offers are scheduled at their arrival time and made in time order between polls every 20 ms, and what the polls
 * hand out is kept.
 */
final class CallLoop {

    static final long MS = 1_000_000L;
    static final long SSRC = 0x1111L;
    static final int FRAME = 160;
    static final int PCMU = 0;

    /** An offer to make at {@code atMillis}. */
    private record Scheduled(long atMillis, Runnable offer) {}

    private final JitterBuffer buffer =
            new JitterBuffer(JitterBufferConfig.forClockRate(8000, PacketDuration.ONE_TICK_PER_BYTE));
    private final List<PlayoutSegment> out = new ArrayList<>();
    private final List<Scheduled> offers = new ArrayList<>();

    JitterBuffer buffer() {
        return buffer;
    }

    /** Everything the polls handed out, in order. */
    List<PlayoutSegment> out() {
        return out;
    }

    /** Schedules a 20 ms PCMU frame without the marker bit. */
    void send(int sequence, long timestamp, long atMillis) {
        offer(sequence, timestamp, false, PCMU, frame(), atMillis);
    }

    /** Schedules an offer; {@link #runTicks} makes it, after the offers scheduled before it for the same time. */
    void offer(int sequence, long timestamp, boolean marker, int payloadType, byte[] payload, long atMillis) {
        int at = offers.size();
        while (at > 0 && offers.get(at - 1).atMillis() > atMillis) {
            at--;
        }
        offers.add(at, new Scheduled(atMillis,
                () -> buffer.offer(SSRC, sequence, timestamp, marker, payloadType, payload, atMillis * MS)));
    }

    /**
     * Ticks every 20 ms from {@code fromMillis} to {@code toMillis}, making the offers due at or before each, and
     * returns what these ticks handed out.
     */
    List<PlayoutSegment> runTicks(long fromMillis, long toMillis) {
        int before = out.size();
        for (long tick = fromMillis; tick <= toMillis; tick += 20) {
            while (!offers.isEmpty() && offers.getFirst().atMillis() <= tick) {
                offers.removeFirst().offer().run();
            }
            out.addAll(buffer.poll(tick * MS));
        }
        return List.copyOf(out.subList(before, out.size()));
    }

    /** The sequence numbers of the audio handed out, in order. */
    List<Integer> audioSequenceNumbers() {
        return audioSequenceNumbers(out);
    }

    static List<Integer> audioSequenceNumbers(List<PlayoutSegment> segments) {
        return segments.stream().filter(Audio.class::isInstance)
                .map(segment -> ((Audio) segment).sequenceNumber()).toList();
    }

    Audio lastAudio() {
        return (Audio) out.reversed().stream().filter(Audio.class::isInstance).findFirst().orElseThrow();
    }

    List<Gap.Cause> gapCausesBetweenAudio() {
        return betweenAudio().stream().filter(Gap.class::isInstance).map(segment -> ((Gap) segment).cause())
                .toList();
    }

    long gapTicksBetweenAudio() {
        return betweenAudio().stream().filter(Gap.class::isInstance).mapToLong(PlayoutSegment::ticks).sum();
    }

    private List<PlayoutSegment> betweenAudio() {
        int first = 0;
        int last = out.size() - 1;
        while (!(out.get(first) instanceof Audio)) {
            first++;
        }
        while (!(out.get(last) instanceof Audio)) {
            last--;
        }
        return out.subList(first, last + 1);
    }

    static byte[] frame() {
        return new byte[FRAME];
    }
}
