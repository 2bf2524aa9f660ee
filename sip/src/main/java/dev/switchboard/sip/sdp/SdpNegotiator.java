package dev.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SDP offer/answer (RFC 3264) for one audio stream over plain RTP (RTP/AVP): a voice codec from an allow list
 * plus RFC 4733 telephone-event, 20 ms packets.
 *
 * <p>Two flows: {@link #answer} when the INVITE carries the offer, and {@link #offer} then {@link #acceptAnswer}
 * when it carries none and the offer goes in our 200 OK (delayed offer, RFC 3261 §13.2.1).
 *
 * <p>Re-offers: answering a re-INVITE's offer is the same call to {@link #answer}, with the same
 * {@link LocalMedia#sessionId()}. RFC 3264 §8 requires the caller to pass a {@link LocalMedia#sessionVersion()}
 * one higher than in the previous description we sent whenever the new answer differs from it, and the same
 * version when it does not.
 *
 * <p>Telephone-event in the {@code supported} list is ignored: it is never chosen as the voice codec and is always
 * accepted when offered at 8000 Hz.
 */
public final class SdpNegotiator {

    /** RFC 8866 §5.14 / RFC 3551: plain RTP audio/video profile. SRTP (RTP/SAVP, RFC 3711) is not supported yet. */
    static final String RTP_AVP = "RTP/AVP";
    static final int PTIME_MILLIS = 20;
    /** The telephone-event payload type we offer; a common choice (Asterisk, FreeSWITCH, Twilio). */
    static final int OUR_TELEPHONE_EVENT_PAYLOAD_TYPE = 101;
    /** DTMF 0-9, *, #, A-D (0-15) and flash (16), RFC 4733 §3.2. */
    static final String EVENT_RANGE = "0-16";

    private static final int MAX_DESCRIBED = 12;
    /** An RFC 4733 §7.1.1 event list such as {@code 0-15,66,70}. */
    private static final Pattern EVENT_LIST =
            Pattern.compile("[0-9]{1,3}(-[0-9]{1,3})?(,[0-9]{1,3}(-[0-9]{1,3})?)*");

    private SdpNegotiator() {
    }

    /**
     * Answers an offer (RFC 3264 §6): accepts the first active RTP/AVP audio stream that has a codec in
     * {@code supported}, choosing the codec the offer lists first (the offerer's preference wins, RFC 3264 §6.1),
     * and rejects every other stream with port 0.
     *
     * @throws NoCommonCodecException when no stream is acceptable; the message says what was offered
     * @throws SdpException           when the accepted stream has no connection address
     */
    public static Negotiation answer(SessionDescription offer, List<Codec> supported, LocalMedia local) {
        List<Codec> voice = voiceCodecs(supported);
        List<MediaDescription> streams = offer.media();
        for (int index = 0; index < streams.size(); index++) {
            MediaDescription stream = streams.get(index);
            if (isPlainRtpAudio(stream)) {
                for (int payloadType : stream.payloadTypes()) {
                    Codec codec = matching(stream, payloadType, voice);
                    if (codec != null) {
                        return accept(offer, index, codec, payloadType, local);
                    }
                }
            }
        }
        throw unacceptableOffer(offer, voice);
    }

    private static Negotiation accept(SessionDescription offer, int index, Codec codec, int payloadType,
            LocalMedia local) {
        MediaDescription offered = offer.media().get(index);
        String remoteAddress = offer.connectionAddressOf(offered);
        OptionalInt telephoneEvent = telephoneEventIn(offered);
        Direction ours = offer.directionOf(offered).reverse();
        Map<Integer, String> eventFmtp = Map.of();
        if (telephoneEvent.isPresent() && offered.fmtp().containsKey(telephoneEvent.getAsInt())) {
            int eventType = telephoneEvent.getAsInt();
            eventFmtp = Map.of(eventType, eventRange(offered.fmtp().get(eventType)));
        }
        MediaDescription accepted = audioStream(local.port(), offered.protocol(), codec, payloadType,
                telephoneEvent, eventFmtp, ours);
        List<MediaDescription> answerStreams = new ArrayList<>();
        for (int i = 0; i < offer.media().size(); i++) {
            answerStreams.add(i == index ? accepted : rejected(offer.media().get(i)));
        }
        SessionDescription answer = new SessionDescription(local.origin(), "-", local.address(), null, List.of(),
                answerStreams);
        return new Negotiation(answer, codec, payloadType, telephoneEvent, remoteAddress, offered.port(),
                offered.ptime(), ours);
    }

    /**
     * Our offer for an INVITE that came without one: one sendrecv audio stream listing every supported codec in
     * order (static payload types where RFC 3551 has them, else dynamic from 96), then telephone-event 101 with
     * events 0-16, ptime 20.
     */
    public static SessionDescription offer(List<Codec> supported, LocalMedia local) {
        List<String> formats = new ArrayList<>();
        Map<Integer, RtpMap> rtpMaps = new HashMap<>();
        payloadTypesFor(voiceCodecs(supported)).forEach((codec, payloadType) -> {
            formats.add(Integer.toString(payloadType));
            rtpMaps.put(payloadType, codec.toRtpMap());
        });
        formats.add(Integer.toString(OUR_TELEPHONE_EVENT_PAYLOAD_TYPE));
        rtpMaps.put(OUR_TELEPHONE_EVENT_PAYLOAD_TYPE, Codec.TELEPHONE_EVENT.toRtpMap());
        MediaDescription audio = new MediaDescription("audio", local.port(), 1, RTP_AVP, formats, rtpMaps,
                Map.of(OUR_TELEPHONE_EVENT_PAYLOAD_TYPE, EVENT_RANGE), OptionalInt.of(PTIME_MILLIS),
                Direction.SENDRECV, null, List.of());
        return new SessionDescription(local.origin(), "-", local.address(), null, List.of(), List.of(audio));
    }

    /** Payload types for our offer, in codec order: RFC 3551 static ones, else dynamic from 96 (RFC 3551 §3). */
    private static Map<Codec, Integer> payloadTypesFor(List<Codec> codecs) {
        Map<Codec, Integer> payloadTypes = new LinkedHashMap<>();
        int nextDynamic = SdpSyntax.FIRST_DYNAMIC_PAYLOAD_TYPE;
        for (Codec codec : codecs) {
            OptionalInt staticType = codec.staticPayloadType();
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
     * that our offer listed (matched by encoding, RFC 3264 §6.1), the payload type the one the answer uses.
     *
     * @throws NoCommonCodecException when the answer rejects the audio stream or picks nothing we offered
     * @throws SdpException           when the answer does not fit the offer (m= line count, type, protocol)
     */
    public static Negotiation acceptAnswer(SessionDescription ourOffer, SessionDescription answer) {
        int index = firstPlainRtpAudio(ourOffer);
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
        List<Codec> offeredVoice = offeredVoiceCodecs(offered);
        for (int payloadType : answered.payloadTypes()) {
            Codec codec = matching(answered, payloadType, offeredVoice);
            if (codec != null) {
                OptionalInt telephoneEvent = telephoneEventIn(offered).isPresent()
                        ? telephoneEventIn(answered) : OptionalInt.empty();
                return new Negotiation(answer, codec, payloadType, telephoneEvent,
                        answer.connectionAddressOf(answered), answered.port(), answered.ptime(),
                        answer.directionOf(answered).reverse());
            }
        }
        throw new NoCommonCodecException("answer has no codec from our offer (answered: "
                + describeFormats(List.of(answered)) + "; offered: " + describeFormats(List.of(offered)) + ")");
    }

    private static int firstPlainRtpAudio(SessionDescription ourOffer) {
        for (int index = 0; index < ourOffer.media().size(); index++) {
            if (isPlainRtpAudio(ourOffer.media().get(index))) {
                return index;
            }
        }
        throw new IllegalArgumentException("our offer has no active RTP/AVP audio stream");
    }

    /** The voice codecs our offer listed, as codecs; telephone-event left out. */
    private static List<Codec> offeredVoiceCodecs(MediaDescription offered) {
        List<Codec> codecs = new ArrayList<>();
        for (int payloadType : offered.payloadTypes()) {
            offered.rtpMap(payloadType)
                    .filter(rtpMap -> !Codec.TELEPHONE_EVENT.name().equalsIgnoreCase(rtpMap.encodingName()))
                    .ifPresent(rtpMap -> codecs.add(new Codec(rtpMap.encodingName(), rtpMap.clockRate(),
                            rtpMap.channels())));
        }
        return codecs;
    }

    private static List<Codec> voiceCodecs(List<Codec> supported) {
        List<Codec> voice = supported.stream()
                .filter(codec -> !codec.name().equalsIgnoreCase(Codec.TELEPHONE_EVENT.name()))
                .distinct()
                .toList();
        if (voice.isEmpty()) {
            throw new IllegalArgumentException("no voice codec in the supported list: " + supported);
        }
        return voice;
    }

    private static boolean isPlainRtpAudio(MediaDescription stream) {
        return stream.type().equals("audio") && stream.isActive() && stream.protocol().equalsIgnoreCase(RTP_AVP);
    }

    /** The codec from {@code candidates} that a payload type of the stream carries, or null. */
    private static Codec matching(MediaDescription stream, int payloadType, List<Codec> candidates) {
        return stream.rtpMap(payloadType)
                .flatMap(rtpMap -> candidates.stream().filter(codec -> codec.matches(rtpMap)).findFirst())
                .orElse(null);
    }

    /** The first payload type the stream maps to telephone-event/8000 (RFC 4733 §7.1.1). */
    private static OptionalInt telephoneEventIn(MediaDescription stream) {
        for (int payloadType : stream.payloadTypes()) {
            if (stream.rtpMap(payloadType).filter(Codec.TELEPHONE_EVENT::matches).isPresent()) {
                return OptionalInt.of(payloadType);
            }
        }
        return OptionalInt.empty();
    }

    /** The offer's event list echoed when it is well formed (RFC 4733 §7.1.1), else all we handle. */
    private static String eventRange(String offered) {
        return EVENT_LIST.matcher(offered).matches() ? offered : EVENT_RANGE;
    }

    private static MediaDescription audioStream(int port, String protocol, Codec codec, int payloadType,
            OptionalInt telephoneEvent, Map<Integer, String> fmtp, Direction direction) {
        List<String> formats = new ArrayList<>(List.of(Integer.toString(payloadType)));
        Map<Integer, RtpMap> rtpMaps = new HashMap<>(Map.of(payloadType, codec.toRtpMap()));
        telephoneEvent.ifPresent(eventType -> {
            formats.add(Integer.toString(eventType));
            rtpMaps.put(eventType, Codec.TELEPHONE_EVENT.toRtpMap());
        });
        return new MediaDescription("audio", port, 1, protocol, formats, rtpMaps, fmtp,
                OptionalInt.of(PTIME_MILLIS), direction, null, List.of());
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
