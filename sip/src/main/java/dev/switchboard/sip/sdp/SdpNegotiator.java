package dev.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SDP offer/answer (RFC 3264) for one audio stream over plain RTP (RTP/AVP): a voice codec from an allow list,
 * the RFC 4733 telephone-event and RFC 3389 comfort noise that go with it, 20 ms packets.
 *
 * <p>Two flows: {@link #answer} when the INVITE carries the offer, and {@link #offer} then {@link #acceptAnswer}
 * when it carries none and the offer goes in our 200 OK (delayed offer, RFC 3261 §13.2.1).
 *
 * <p>Re-offers: answering a re-INVITE's offer is the same call to {@link #answer}, with the same
 * {@link LocalMedia#sessionId()}. RFC 3264 §8 requires the caller to pass a {@link LocalMedia#sessionVersion()}
 * one higher than in the previous description we sent whenever the new answer differs from it, and the same
 * version when it does not.
 *
 * <p>The supported list: its voice codecs are the allow list (and our preference order). Telephone-event in it is
 * ignored: it is never chosen as the voice codec and is always accepted, at the voice codec's clock rate or else at
 * 8000 Hz. {@link Codec#COMFORT_NOISE} in it is never a voice codec either; it switches on CN/8000 beside a voice
 * codec with an 8000 Hz clock (we can receive CN; we never send it).
 */
public final class SdpNegotiator {

    /** RFC 8866 §5.14 / RFC 3551: plain RTP audio/video profile. SRTP (RTP/SAVP, RFC 3711) is not supported yet. */
    static final String RTP_AVP = "RTP/AVP";
    static final int PTIME_MILLIS = 20;
    /** The telephone-event/8000 payload type we offer; a common choice (Asterisk, FreeSWITCH, Twilio). */
    static final int OUR_TELEPHONE_EVENT_PAYLOAD_TYPE = 101;
    /** DTMF 0-9, *, #, A-D (0-15) and flash (16), RFC 4733 §3.2. */
    static final String EVENT_RANGE = "0-16";

    private static final int MAX_DESCRIBED = 12;
    /** An RFC 4733 §7.1.1 event list such as {@code 0-15,66,70}. */
    private static final Pattern EVENT_LIST =
            Pattern.compile("[0-9]{1,3}(-[0-9]{1,3})?(,[0-9]{1,3}(-[0-9]{1,3})?)*");

    private SdpNegotiator() {
    }

    /** {@link #answer(SessionDescription, List, Preference, FormatParameters, LocalMedia)} by the offer's order. */
    public static Negotiation answer(SessionDescription offer, List<Codec> supported, LocalMedia local) {
        return answer(offer, supported, Preference.OFFER, FormatParameters.NONE, local);
    }

    /**
     * Answers an offer (RFC 3264 §6): accepts the first active RTP/AVP audio stream that has a codec in
     * {@code supported}, chooses the codec by {@code preference} (RFC 3264 §6.1 leaves the choice to the answerer),
     * keeps the offer's payload type numbers, and rejects every other stream with port 0.
     *
     * @param fmtp our fmtp parameters for the chosen codec, given the offer's
     * @throws NoCommonCodecException   when no stream is acceptable; the message says what was offered
     * @throws SdpException             when the accepted stream has no connection address
     * @throws IllegalArgumentException when {@code supported} has no voice codec or {@code fmtp} gives a bad value
     */
    public static Negotiation answer(SessionDescription offer, List<Codec> supported, Preference preference,
            FormatParameters fmtp, LocalMedia local) {
        Objects.requireNonNull(preference, "preference");
        Objects.requireNonNull(fmtp, "fmtp");
        List<Codec> voice = FormatChooser.voiceCodecs(supported);
        boolean comfortNoise = FormatChooser.acceptsComfortNoise(supported);
        List<MediaDescription> streams = offer.media();
        for (int index = 0; index < streams.size(); index++) {
            MediaDescription stream = streams.get(index);
            if (isPlainRtpAudio(stream)) {
                Optional<FormatChooser.Choice> choice =
                        FormatChooser.choose(stream, voice, preference, clockRate -> true, comfortNoise);
                if (choice.isPresent()) {
                    return accept(offer, index, choice.get(), fmtp, local);
                }
            }
        }
        throw unacceptableOffer(offer, voice);
    }

    private static Negotiation accept(SessionDescription offer, int index, FormatChooser.Choice choice,
            FormatParameters fmtp, LocalMedia local) {
        MediaDescription offered = offer.media().get(index);
        String remoteAddress = offer.connectionAddressOf(offered);
        Direction ours = offer.directionOf(offered).reverse();
        String peerFmtp = offered.fmtp().getOrDefault(choice.payloadType(), "");
        String ourFmtp =
                SdpSyntax.fmtpValue(fmtp.answer(choice.codec(), peerFmtp, offered.maxptime()), choice.codec());
        MediaDescription accepted = answerStream(local.port(), offered, choice, ourFmtp, ours);
        List<MediaDescription> answerStreams = new ArrayList<>();
        for (int i = 0; i < offer.media().size(); i++) {
            answerStreams.add(i == index ? accepted : rejected(offer.media().get(i)));
        }
        SessionDescription answer = new SessionDescription(local.origin(), "-", local.address(), null, List.of(),
                answerStreams);
        return new Negotiation(answer, choice.codec(), choice.payloadType(), peerFmtp,
                choice.telephoneEventPayloadType(), choice.telephoneEventClockRate(),
                choice.comfortNoisePayloadType(), remoteAddress, offered.port(), offered.ptime(), offered.maxptime(),
                ours);
    }

    /** {@link #offer(List, FormatParameters, LocalMedia)} without fmtp for the voice codecs. */
    public static SessionDescription offer(List<Codec> supported, LocalMedia local) {
        return offer(supported, FormatParameters.NONE, local);
    }

    /**
     * Our offer for an INVITE that came without one: one sendrecv audio stream listing every supported voice codec
     * in order (static payload types where RFC 3551 has them, else dynamic from 96), then telephone-event/8000 on
     * 101 and telephone-event at every other voice clock rate (48000 for Opus) on dynamic types, all with events
     * 0-16, then CN on 13 when {@link Codec#COMFORT_NOISE} is supported and a voice codec has an 8000 Hz clock;
     * ptime 20.
     *
     * @param fmtp our fmtp parameters for each voice codec
     */
    public static SessionDescription offer(List<Codec> supported, FormatParameters fmtp, LocalMedia local) {
        Objects.requireNonNull(fmtp, "fmtp");
        List<String> formats = new ArrayList<>();
        Map<Integer, RtpMap> rtpMaps = new HashMap<>();
        Map<Integer, String> parameters = new HashMap<>();
        payloadTypesFor(offeredCodecs(supported)).forEach((codec, payloadType) -> {
            formats.add(Integer.toString(payloadType));
            rtpMaps.put(payloadType, codec.toRtpMap());
            String value = offeredParameters(codec, fmtp);
            if (!value.isEmpty()) {
                parameters.put(payloadType, value);
            }
        });
        MediaDescription audio = new MediaDescription("audio", local.port(), 1, RTP_AVP, formats, rtpMaps,
                parameters, OptionalInt.of(PTIME_MILLIS), Direction.SENDRECV, null, List.of());
        return new SessionDescription(local.origin(), "-", local.address(), null, List.of(), List.of(audio));
    }

    /** Our offer's fmtp for a codec: the events we handle for telephone-event, ours for voice, none for CN. */
    private static String offeredParameters(Codec codec, FormatParameters fmtp) {
        if (FormatChooser.isTelephoneEvent(codec.toRtpMap())) {
            return EVENT_RANGE;
        }
        return FormatChooser.isVoice(codec.toRtpMap()) ? SdpSyntax.fmtpValue(fmtp.offer(codec), codec) : "";
    }

    /** Everything our offer lists, in m= line order: voice codecs, telephone-events, comfort noise. */
    private static List<Codec> offeredCodecs(List<Codec> supported) {
        List<Codec> voice = FormatChooser.voiceCodecs(supported);
        List<Codec> listed = new ArrayList<>(voice);
        listed.add(Codec.TELEPHONE_EVENT);
        voice.stream().map(Codec::clockRate).distinct()
                .filter(clockRate -> clockRate != Codec.TELEPHONE_EVENT.clockRate())
                .forEach(clockRate -> listed.add(Codec.telephoneEvent(clockRate)));
        boolean eightKilohertzClock =
                voice.stream().anyMatch(codec -> codec.clockRate() == Codec.COMFORT_NOISE.clockRate());
        if (eightKilohertzClock && FormatChooser.acceptsComfortNoise(supported)) {
            listed.add(Codec.COMFORT_NOISE);
        }
        return listed;
    }

    /**
     * Payload types for our offer, in codec order: 101 for telephone-event/8000, RFC 3551 static ones, else dynamic
     * from 96 (RFC 3551 §3).
     */
    private static Map<Codec, Integer> payloadTypesFor(List<Codec> codecs) {
        Map<Codec, Integer> payloadTypes = new LinkedHashMap<>();
        int nextDynamic = SdpSyntax.FIRST_DYNAMIC_PAYLOAD_TYPE;
        for (Codec codec : codecs) {
            OptionalInt staticType = codec.equals(Codec.TELEPHONE_EVENT)
                    ? OptionalInt.of(OUR_TELEPHONE_EVENT_PAYLOAD_TYPE)
                    : codec.staticPayloadType();
            if (staticType.isPresent()) {
                payloadTypes.put(codec, staticType.getAsInt());
                continue;
            }
            if (nextDynamic == OUR_TELEPHONE_EVENT_PAYLOAD_TYPE) {
                nextDynamic++;
            }
            if (nextDynamic > SdpSyntax.MAX_PAYLOAD_TYPE) {
                throw new IllegalArgumentException("too many codecs for the dynamic payload types: " + codecs);
            }
            payloadTypes.put(codec, nextDynamic++);
        }
        return payloadTypes;
    }

    /**
     * Reads the peer's answer to our {@link #offer}: the codec is the first format in the answer's audio stream
     * that our offer listed (matched by encoding, RFC 3264 §6.1), the payload type the one the answer uses; the
     * telephone-event and CN are chosen from the answer as {@link #answer} chooses them from an offer, among the
     * ones our offer listed.
     *
     * @throws NoCommonCodecException when the answer rejects the audio stream or picks nothing we offered
     * @throws SdpException           when the answer does not fit the offer (m= line count, type, protocol)
     */
    public static Negotiation acceptAnswer(SessionDescription ourOffer, SessionDescription answer) {
        int index = firstPlainRtpAudio(ourOffer);
        MediaDescription offered = ourOffer.media().get(index);
        MediaDescription answered = answeredStream(ourOffer, answer, index);
        Set<Integer> offeredEventClockRates = FormatChooser.telephoneEventClockRates(offered);
        boolean offeredComfortNoise = FormatChooser.first(offered, Codec.COMFORT_NOISE).isPresent();
        Optional<FormatChooser.Choice> chosen = FormatChooser.choose(answered, offeredVoiceCodecs(offered),
                Preference.OFFER, offeredEventClockRates::contains, offeredComfortNoise);
        if (chosen.isEmpty()) {
            throw new NoCommonCodecException("answer has no codec from our offer (answered: "
                    + describeFormats(List.of(answered)) + "; offered: " + describeFormats(List.of(offered)) + ")");
        }
        FormatChooser.Choice choice = chosen.get();
        return new Negotiation(answer, choice.codec(), choice.payloadType(),
                answered.fmtp().getOrDefault(choice.payloadType(), ""), choice.telephoneEventPayloadType(),
                choice.telephoneEventClockRate(), choice.comfortNoisePayloadType(),
                answer.connectionAddressOf(answered), answered.port(), answered.ptime(), answered.maxptime(),
                answer.directionOf(answered).reverse());
    }

    /** The answer's stream for our offer's audio stream, once checked to fit the offer (RFC 3264 §6). */
    private static MediaDescription answeredStream(SessionDescription ourOffer, SessionDescription answer,
            int index) {
        if (answer.media().size() != ourOffer.media().size()) {
            throw new SdpException("answer has " + answer.media().size() + " m= lines but the offer had "
                    + ourOffer.media().size() + " (RFC 3264 §6)");
        }
        MediaDescription offered = ourOffer.media().get(index);
        MediaDescription answered = answer.media().get(index);
        if (!answered.type().equals(offered.type()) || !answered.protocol().equalsIgnoreCase(offered.protocol())) {
            throw new SdpException("answer's m= line " + (index + 1) + " is " + answered.type() + " "
                    + answered.protocol() + " but the offer's is " + offered.type() + " " + offered.protocol());
        }
        if (!answered.isActive()) {
            throw new NoCommonCodecException("answer rejected the audio stream (port 0)");
        }
        return answered;
    }

    private static int firstPlainRtpAudio(SessionDescription ourOffer) {
        for (int index = 0; index < ourOffer.media().size(); index++) {
            if (isPlainRtpAudio(ourOffer.media().get(index))) {
                return index;
            }
        }
        throw new IllegalArgumentException("our offer has no active RTP/AVP audio stream");
    }

    /** The voice codecs our offer listed, as codecs; telephone-event and CN left out. */
    private static List<Codec> offeredVoiceCodecs(MediaDescription offered) {
        List<Codec> codecs = new ArrayList<>();
        for (int payloadType : offered.payloadTypes()) {
            offered.rtpMap(payloadType)
                    .filter(FormatChooser::isVoice)
                    .ifPresent(rtpMap -> codecs.add(new Codec(rtpMap.encodingName(), rtpMap.clockRate(),
                            rtpMap.channels())));
        }
        return codecs;
    }

    private static boolean isPlainRtpAudio(MediaDescription stream) {
        return stream.type().equals("audio") && stream.isActive() && stream.protocol().equalsIgnoreCase(RTP_AVP);
    }

    /**
     * Our accepted stream: the chosen voice payload type with our fmtp, then the telephone-event with the offer's
     * event list echoed (when it gave one), then CN; all on the offer's payload type numbers.
     */
    private static MediaDescription answerStream(int port, MediaDescription offered, FormatChooser.Choice choice,
            String voiceFmtp, Direction direction) {
        List<String> formats = new ArrayList<>(List.of(Integer.toString(choice.payloadType())));
        Map<Integer, RtpMap> rtpMaps = new HashMap<>(Map.of(choice.payloadType(), choice.codec().toRtpMap()));
        Map<Integer, String> fmtp = new HashMap<>();
        if (!voiceFmtp.isEmpty()) {
            fmtp.put(choice.payloadType(), voiceFmtp);
        }
        choice.telephoneEventPayloadType().ifPresent(eventType -> {
            formats.add(Integer.toString(eventType));
            rtpMaps.put(eventType, Codec.telephoneEvent(choice.telephoneEventClockRate()).toRtpMap());
            String offeredEvents = offered.fmtp().get(eventType);
            if (offeredEvents != null) {
                fmtp.put(eventType, eventRange(offeredEvents));
            }
        });
        choice.comfortNoisePayloadType().ifPresent(noiseType -> {
            formats.add(Integer.toString(noiseType));
            rtpMaps.put(noiseType, Codec.COMFORT_NOISE.toRtpMap());
        });
        return new MediaDescription("audio", port, 1, offered.protocol(), formats, rtpMaps, fmtp,
                OptionalInt.of(PTIME_MILLIS), direction, null, List.of());
    }

    /** The offer's event list echoed when it is well formed (RFC 4733 §7.1.1), else all we handle. */
    private static String eventRange(String offered) {
        return EVENT_LIST.matcher(offered).matches() ? offered : EVENT_RANGE;
    }

    /** A refused stream: port 0, same media type and protocol, one format as SDP requires (RFC 3264 §6). */
    private static MediaDescription rejected(MediaDescription offered) {
        return new MediaDescription(offered.type(), 0, 1, offered.protocol(), List.of(offered.formats().get(0)),
                Map.of(), Map.of(), OptionalInt.empty(), null, null, List.of());
    }

    private static NoCommonCodecException unacceptableOffer(SessionDescription offer, List<Codec> voice) {
        List<MediaDescription> audio = offer.media().stream()
                .filter(stream -> stream.type().equals("audio") && stream.isActive())
                .toList();
        if (audio.isEmpty()) {
            String lines = offer.media().stream()
                    .map(stream -> stream.type() + " " + stream.port() + " " + stream.protocol())
                    .collect(Collectors.joining(", "));
            return new NoCommonCodecException("offer has no active audio stream (m= lines: " + lines + ")");
        }
        List<MediaDescription> plain = audio.stream().filter(SdpNegotiator::isPlainRtpAudio).toList();
        if (plain.isEmpty()) {
            String protocols = audio.stream().map(MediaDescription::protocol).distinct()
                    .collect(Collectors.joining(", "));
            boolean srtp = protocols.toUpperCase(Locale.ROOT).contains("SAVP");
            return new NoCommonCodecException((srtp ? "SRTP is not supported: " : "unsupported transport: ")
                    + "offer's audio uses " + protocols + ", only RTP/AVP is accepted");
        }
        return new NoCommonCodecException("offer has no supported audio codec (offered: " + describeFormats(plain)
                + "; supported: " + voice.stream().map(Codec::toString).collect(Collectors.joining(", ")) + ")");
    }

    /**
     * The distinct encodings the streams list, e.g. {@code "G729/8000, GSM/8000"}, for error messages; cut after
     * a few so that a hostile offer cannot make a huge Warning header.
     */
    private static String describeFormats(List<MediaDescription> streams) {
        Set<String> described = new LinkedHashSet<>();
        for (MediaDescription stream : streams) {
            for (String format : stream.formats()) {
                int payloadType = SdpSyntax.parsePayloadType(format);
                described.add(payloadType < 0 ? SdpSyntax.quote(format) : stream.rtpMap(payloadType)
                        .map(RtpMap::encoding)
                        .orElse("payload type " + payloadType + " without rtpmap"));
            }
        }
        String shown = described.stream().limit(MAX_DESCRIBED).collect(Collectors.joining(", "));
        return described.size() > MAX_DESCRIBED
                ? shown + " and " + (described.size() - MAX_DESCRIBED) + " more"
                : shown;
    }
}
