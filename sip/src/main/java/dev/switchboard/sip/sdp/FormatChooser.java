package dev.switchboard.sip.sdp;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Which payload types of one audio stream a call uses: the voice codec, the RFC 4733 telephone-event that goes with
 * it, and RFC 3389 comfort noise. Shared by answering an offer (choosing from the offer) and reading the answer to
 * our offer (choosing from the answer).
 */
final class FormatChooser {

    /**
     * What was chosen from a stream; payload type numbers are the stream's own (RFC 3264 §6.1: an answer uses the
     * offer's numbers for what it accepts).
     *
     * @param telephoneEventClockRate the chosen telephone-event's clock rate, 0 when there is none
     */
    record Choice(Codec codec, int payloadType, OptionalInt telephoneEventPayloadType, int telephoneEventClockRate,
            OptionalInt comfortNoisePayloadType) {
    }

    private FormatChooser() {
    }

    /**
     * Chooses from a stream.
     *
     * @param voice           the voice codecs we would take, in our preference order
     * @param eventClockRates the telephone-event clock rates we would take
     * @param comfortNoise    whether we would take CN/8000 beside an 8000 Hz voice codec
     * @return empty when the stream has none of the voice codecs
     */
    static Optional<Choice> choose(MediaDescription stream, List<Codec> voice, Preference preference,
            IntPredicate eventClockRates, boolean comfortNoise) {
        Optional<Choice> voiceOnly = switch (preference) {
            case OFFER -> firstInStreamOrder(stream, voice);
            case OURS -> firstInOurOrder(stream, voice);
        };
        return voiceOnly.map(chosen -> {
            int voiceClockRate = chosen.codec().clockRate();
            OptionalInt events = telephoneEvent(stream, voiceClockRate, eventClockRates);
            int eventClockRate = events.isPresent() ? clockRateOf(stream, events.getAsInt()) : 0;
            OptionalInt noise = comfortNoise && voiceClockRate == Codec.COMFORT_NOISE.clockRate()
                    ? first(stream, Codec.COMFORT_NOISE)
                    : OptionalInt.empty();
            return new Choice(chosen.codec(), chosen.payloadType(), events, eventClockRate, noise);
        });
    }

    /** The voice codecs of a supported list, duplicates dropped: neither telephone-event nor CN is a voice codec. */
    static List<Codec> voiceCodecs(List<Codec> supported) {
        List<Codec> voice = supported.stream().filter(codec -> isVoice(codec.toRtpMap())).distinct().toList();
        if (voice.isEmpty()) {
            throw new IllegalArgumentException("no voice codec in the supported list: " + supported);
        }
        return voice;
    }

    /** Whether an encoding is a voice codec rather than telephone-event or comfort noise, at any clock rate. */
    static boolean isVoice(RtpMap rtpMap) {
        return !isTelephoneEvent(rtpMap) && !rtpMap.encodingName().equalsIgnoreCase(Codec.COMFORT_NOISE.name());
    }

    /** Whether a supported list switches comfort noise on (RFC 3389 CN/8000 beside an 8000 Hz voice codec). */
    static boolean acceptsComfortNoise(List<Codec> supported) {
        return supported.stream().anyMatch(codec -> Codec.COMFORT_NOISE.matches(codec.toRtpMap()));
    }

    static boolean isTelephoneEvent(RtpMap rtpMap) {
        return rtpMap.encodingName().equalsIgnoreCase(Codec.TELEPHONE_EVENT.name());
    }

    /** The clock rates at which a stream lists telephone-event. */
    static Set<Integer> telephoneEventClockRates(MediaDescription stream) {
        Set<Integer> clockRates = new HashSet<>();
        for (int payloadType : stream.payloadTypes()) {
            stream.rtpMap(payloadType).filter(FormatChooser::isTelephoneEvent)
                    .ifPresent(rtpMap -> clockRates.add(rtpMap.clockRate()));
        }
        return clockRates;
    }

    /** The first payload type of the stream that carries a codec, explicitly or by static assignment. */
    static OptionalInt first(MediaDescription stream, Codec codec) {
        for (int payloadType : stream.payloadTypes()) {
            if (stream.rtpMap(payloadType).filter(codec::matches).isPresent()) {
                return OptionalInt.of(payloadType);
            }
        }
        return OptionalInt.empty();
    }

    /** {@link Preference#OFFER}: the first payload type in the stream that carries one of the codecs. */
    private static Optional<Choice> firstInStreamOrder(MediaDescription stream, List<Codec> candidates) {
        for (int payloadType : stream.payloadTypes()) {
            Optional<Codec> codec = stream.rtpMap(payloadType)
                    .flatMap(rtpMap -> candidates.stream().filter(candidate -> candidate.matches(rtpMap)).findFirst());
            if (codec.isPresent()) {
                return Optional.of(voiceOnly(codec.get(), payloadType));
            }
        }
        return Optional.empty();
    }

    /** {@link Preference#OURS}: the first of the codecs that the stream carries, on its first payload type. */
    private static Optional<Choice> firstInOurOrder(MediaDescription stream, List<Codec> candidates) {
        for (Codec codec : candidates) {
            OptionalInt payloadType = first(stream, codec);
            if (payloadType.isPresent()) {
                return Optional.of(voiceOnly(codec, payloadType.getAsInt()));
            }
        }
        return Optional.empty();
    }

    private static Choice voiceOnly(Codec codec, int payloadType) {
        return new Choice(codec, payloadType, OptionalInt.empty(), 0, OptionalInt.empty());
    }

    /**
     * The telephone-event to pair with a voice codec: the first at the voice codec's clock rate, as RFC 4733 asks
     * for, else the first at 8000 Hz, which endpoints also pair with 48 kHz Opus; never one at a rate not accepted.
     */
    private static OptionalInt telephoneEvent(MediaDescription stream, int voiceClockRate, IntPredicate accepted) {
        OptionalInt sameClock = accepted.test(voiceClockRate)
                ? first(stream, Codec.telephoneEvent(voiceClockRate))
                : OptionalInt.empty();
        if (sameClock.isPresent() || !accepted.test(Codec.TELEPHONE_EVENT.clockRate())) {
            return sameClock;
        }
        return first(stream, Codec.TELEPHONE_EVENT);
    }

    private static int clockRateOf(MediaDescription stream, int payloadType) {
        return stream.rtpMap(payloadType).orElseThrow().clockRate();
    }
}
