package dev.switchboard.media.jitter;

import dev.switchboard.media.jitter.PlayoutSegment.Audio;
import dev.switchboard.media.jitter.PlayoutSegment.Gap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each stretch of each stream's time went in a replay: which segment covered it, handed out on which tick.
 * Segment timestamps are 32-bit; they are unwrapped here against the trace's own extended timestamps.
 */
final class Coverage {

    /** A segment of stream time, at its unwrapped timestamp. */
    record Span(long ssrc, long start, int ticks, TraceReplay.Played played) {

        long end() {
            return start + ticks;
        }

        PlayoutSegment segment() {
            return played.segment();
        }

        /** Audio the listener did not play: its stream time was removed, not played. */
        boolean discarded() {
            return played.discarded();
        }
    }

    private final Map<Long, List<Span>> spans = new HashMap<>();

    Coverage(TraceReplay.Result result) {
        Map<Long, Long> newest = new HashMap<>();
        for (TracePacket packet : result.trace().originals()) {
            newest.putIfAbsent(packet.ssrc(), packet.extendedTimestamp());
        }
        long ssrc = result.trace().arrivals().getFirst().ssrc();
        for (TraceReplay.Played played : result.played()) {
            PlayoutSegment segment = played.segment();
            if (segment instanceof Audio audio) {
                ssrc = result.source(audio).ssrc();
            }
            if (segment instanceof Audio || segment instanceof Gap gap && gap.cause().streamTime()) {
                long reference = newest.get(ssrc);
                long start = reference + (int) (segment.timestamp() - (reference & 0xFFFF_FFFFL));
                newest.put(ssrc, start);
                spans.computeIfAbsent(ssrc, key -> new ArrayList<>())
                        .add(new Span(ssrc, start, segment.ticks(), played));
            }
        }
    }

    /** The stream-time segment that covers the packet's first tick, or {@code null} when none does. */
    Span cover(TracePacket packet) {
        List<Span> list = spans.getOrDefault(packet.ssrc(), List.of());
        int low = 0;
        int high = list.size() - 1;
        long at = packet.extendedTimestamp();
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Span span = list.get(middle);
            if (span.end() <= at) {
                low = middle + 1;
            } else if (span.start() > at) {
                high = middle - 1;
            } else {
                return span;
            }
        }
        return null;
    }

    /** One stream's segments of stream time, in the order they played. */
    List<Span> spans(long ssrc) {
        return spans.getOrDefault(ssrc, List.of());
    }
}
