package dev.switchboard.sip.call;

import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.media.MediaDirection;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.MediaStats;
import dev.switchboard.media.StreamSettings;
import dev.switchboard.media.recording.RecordedCall;
import dev.switchboard.media.recording.RecordingSettings;
import dev.switchboard.sip.bridge.AudioFormats;
import dev.switchboard.sip.bridge.CallBridge;
import dev.switchboard.sip.sdp.Codec;
import dev.switchboard.sip.sdp.LocalMedia;
import dev.switchboard.sip.sdp.Negotiation;
import dev.switchboard.sip.sdp.NoCommonCodecException;
import dev.switchboard.sip.sdp.SdpException;
import dev.switchboard.sip.sdp.SdpNegotiator;
import dev.switchboard.sip.sdp.SdpParser;
import dev.switchboard.sip.sdp.SdpWriter;
import dev.switchboard.sip.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's media side: its RTP session and the offer/answer exchanges (RFC 3264) that configure it.
 *
 * <p>Usually the INVITE carries the offer and the 200 OK our answer. When the INVITE has no SDP (a delayed offer,
 * RFC 3261 §13.2.1) the 200 OK carries our offer and the ACK the answer; audio starts once it is known. A
 * re-INVITE's offer (hold, resume, media moved elsewhere) is answered on the same stream and codec (§8).
 *
 * <p>Threading: confined to the call's event loop.
 */
final class CallMedia {

    private static final Logger log = LoggerFactory.getLogger(CallMedia.class);

    private final String name;
    private final CallServices services;
    private final CallSetup setup;
    private final String callId;
    private final SessionConfig agentSession;
    private final boolean localVad;
    private final CallBridge bridge;
    private final CallCodecs codecs;
    private final long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE >> 1);
    private long sessionVersion = 1;
    private MediaSession session;
    private SessionDescription ourOffer;
    private Negotiation negotiation;
    private String currentSdp;
    private boolean closed;

    /**
     * @param agentSession the agent's session, with the audio formats chosen for this call
     * @param localVad     detect the caller starting to speak here (for providers that do not report it)
     */
    CallMedia(String name, CallServices services, CallSetup setup, String callId, SessionConfig agentSession,
            boolean localVad, CallBridge bridge) {
        this.name = name;
        this.services = services;
        this.setup = setup;
        this.callId = callId;
        this.agentSession = agentSession;
        this.localVad = localVad;
        this.bridge = bridge;
        this.codecs = new CallCodecs(services.opus(), agentSession.inputFormat(), agentSession.outputFormat());
    }

    /** The RTP socket is bound. Returns {@code false}, and closes it, when the call ended meanwhile. */
    boolean opened(MediaSession opened) {
        if (closed) {
            opened.close();
            return false;
        }
        this.session = opened;
        return true;
    }

    /**
     * The SDP for our 200 OK: the answer to the caller's offer (and audio starts now), or our own offer when the
     * INVITE had none. The offer was checked when the INVITE was admitted, so it cannot fail here.
     */
    String answer() {
        CodecPolicy policy = setup.codecs();
        if (setup.offer() != null) {
            negotiation = SdpNegotiator.answer(setup.offer(), policy.codecs(), policy.preference(), codecs, local());
            currentSdp = negotiation.answerSdp();
            startStream();
        } else {
            ourOffer = SdpNegotiator.offer(policy.codecs(), codecs, local());
            currentSdp = SdpWriter.write(ourOffer);
        }
        return currentSdp;
    }

    /**
     * Takes the answer from the ACK of a delayed offer. Returns {@code false} when one was due and the ACK's is
     * missing or unusable.
     */
    boolean acceptAnswerInAck(String sdp) {
        if (ourOffer == null || negotiation != null) {
            return true;
        }
        try {
            negotiation = SdpNegotiator.acceptAnswer(ourOffer, SdpParser.parse(sdp == null ? "" : sdp));
            startStream();
            return true;
        } catch (SdpException e) {
            log.warn("{}: unusable SDP answer in ACK: {}", name, e.getMessage());
            return false;
        }
    }

    /**
     * Answers a re-INVITE's offer on the same stream and codec: a hold ({@code sendonly}, {@code inactive}, or the
     * old {@code c=0.0.0.0}) or its end, or the caller's media moving to another address. Without an offer (or
     * before the call's own exchange finished) our current SDP is repeated, as for a session refresh.
     *
     * @return our answer
     * @throws SdpException when the offer is malformed or no longer has the call's codec (488 is due)
     */
    String answerReOffer(String sdp) {
        if (sdp == null || sdp.isBlank() || negotiation == null || session == null) {
            return currentSdp;
        }
        SessionDescription offer = SdpParser.parse(sdp);
        List<Codec> sameCodec = List.of(negotiation.codec(), Codec.COMFORT_NOISE);
        Negotiation renewed = SdpNegotiator.answer(offer, sameCodec, setup.codecs().preference(), codecs, local());
        if (!renewed.answerSdp().equals(currentSdp)) {
            sessionVersion++;
            renewed = SdpNegotiator.answer(offer, sameCodec, setup.codecs().preference(), codecs, local());
        }
        negotiation = renewed;
        currentSdp = renewed.answerSdp();
        session.retarget(remoteOf(renewed));
        session.direction(directionOf(renewed));
        return currentSdp;
    }

    /** Our current SDP, to repeat in answer to a session refresh. */
    String currentSdp() {
        return currentSdp;
    }

    private LocalMedia local() {
        return new LocalMedia(services.mediaAddress(), session.localPort(), sessionId, sessionVersion);
    }

    private void startStream() {
        session.start(new StreamSettings(remoteOf(negotiation), codecs.voiceCodec(negotiation),
                negotiation.payloadType(), negotiation.telephoneEventPayloadType().orElse(-1),
                negotiation.telephoneEventPayloadType().isPresent() ? negotiation.telephoneEventClockRate() : 8_000,
                negotiation.comfortNoisePayloadType().orElse(-1), AudioFormats.toMedia(agentSession.inputFormat()),
                AudioFormats.toMedia(agentSession.outputFormat()), localVad, false));
        session.direction(directionOf(negotiation));
        bridge.attachMedia(session);
        log.info("{}: audio {} with {}:{}, RTP port {}", name, negotiation.codec(), negotiation.remoteAddress(),
                negotiation.remotePort(), session.localPort());
        record();
    }

    private void record() {
        if (setup.agent().recording() == null || services.recorder() == null) {
            return;
        }
        RecordingSettings recording = new RecordingSettings(setup.agent().recording(), session.recordingRate());
        session.record(services.recorder().record(recording,
                new RecordedCall(callId, setup.caller(), setup.dialed(), setup.agent().name()), 0));
    }

    private static InetSocketAddress remoteOf(Negotiation negotiation) {
        return new InetSocketAddress(negotiation.remoteAddress(), negotiation.remotePort());
    }

    /** Our side's direction; an offer with {@code c=0.0.0.0} is the old way of putting us on hold (§8.4). */
    private static MediaDirection directionOf(Negotiation negotiation) {
        if ("0.0.0.0".equals(negotiation.remoteAddress())) {
            return MediaDirection.INACTIVE;
        }
        return MediaDirection.valueOf(negotiation.direction().name());
    }

    /**
     * Plays one of the server's own prompts (hold message, apology), given as 24 kHz PCM16, through the same path
     * as the agent's voice, converted to the agent's output format.
     */
    void playPrompt(String id, byte[] pcm24k) {
        if (pcm24k.length > 0) {
            bridge.playPrompt(id, AudioFormats.fromPcm24k(pcm24k, agentSession.outputFormat()));
        }
    }

    /** Sends DTMF to the caller (RFC 4733); {@code sent} completes when the last digit is out or fails why not. */
    void sendDtmf(String digits, java.util.concurrent.CompletableFuture<Void> sent) {
        if (session == null || negotiation == null) {
            sent.completeExceptionally(new IllegalStateException("the call's audio has not started"));
            return;
        }
        try {
            session.sendDtmf(digits).whenComplete((done, failure) -> {
                if (failure != null) {
                    sent.completeExceptionally(failure);
                } else {
                    sent.complete(null);
                }
            });
        } catch (RuntimeException e) {
            sent.completeExceptionally(e);
        }
    }

    void close() {
        closed = true;
        if (session != null) {
            session.close();
        }
    }

    String summary() {
        if (session == null) {
            return "no media";
        }
        MediaStats stats = session.stats();
        StringBuilder summary = new StringBuilder("RTP in " + stats.packetsReceived() + " / out "
                + stats.packetsSent() + " packets");
        if (stats.malformed() > 0) {
            summary.append(", ").append(stats.malformed()).append(" dropped");
        }
        if (stats.jitter() != null && (stats.jitter().lost() > 0 || stats.jitter().late() > 0)) {
            summary.append(", ").append(stats.jitter().lost()).append(" concealed, ").append(stats.jitter().late())
                    .append(" late");
        }
        if (stats.rtcp() != null && stats.rtcp().roundTripNanos() >= 0) {
            summary.append(", RTT ").append(stats.rtcp().roundTripNanos() / 1_000_000).append(" ms");
        }
        return summary.toString();
    }
}
