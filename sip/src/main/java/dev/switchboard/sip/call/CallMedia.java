package dev.switchboard.sip.call;

import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.MediaStats;
import dev.switchboard.media.StreamSettings;
import dev.switchboard.media.codec.G711;
import dev.switchboard.sip.bridge.AudioFormats;
import dev.switchboard.sip.bridge.CallBridge;
import dev.switchboard.sip.sdp.Codec;
import dev.switchboard.sip.sdp.LocalMedia;
import dev.switchboard.sip.sdp.Negotiation;
import dev.switchboard.sip.sdp.SdpException;
import dev.switchboard.sip.sdp.SdpNegotiator;
import dev.switchboard.sip.sdp.SdpParser;
import dev.switchboard.sip.sdp.SdpWriter;
import dev.switchboard.sip.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's media side: its RTP session and the offer/answer exchange (RFC 3264) that configures it.
 *
 * <p>Usually the INVITE carries the offer and the 200 OK our answer. When the INVITE has no SDP (a delayed offer,
 * RFC 3261 §13.2.1) the 200 OK carries our offer and the ACK the answer; audio starts once it is known.
 *
 * <p>Threading: confined to the call's event loop.
 */
final class CallMedia {

    private static final Logger log = LoggerFactory.getLogger(CallMedia.class);

    private final String name;
    private final CallServices services;
    private final SessionDescription offer;
    private final SessionConfig agentSession;
    private final boolean localVad;
    private final CallBridge bridge;
    private final long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE >> 1);
    private MediaSession session;
    private SessionDescription ourOffer;
    private Negotiation negotiation;
    private String currentSdp;
    private boolean closed;

    /**
     * @param agentSession the agent's session, with the audio formats chosen for this call
     * @param localVad     detect the caller starting to speak here (for providers that do not report it)
     */
    CallMedia(String name, CallServices services, SessionDescription offer, SessionConfig agentSession,
            boolean localVad, CallBridge bridge) {
        this.name = name;
        this.services = services;
        this.offer = offer;
        this.agentSession = agentSession;
        this.localVad = localVad;
        this.bridge = bridge;
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
        LocalMedia local = new LocalMedia(services.mediaAddress(), session.localPort(), sessionId, 1);
        if (offer != null) {
            negotiation = SdpNegotiator.answer(offer, services.codecs(), local);
            currentSdp = negotiation.answerSdp();
            startStream();
        } else {
            ourOffer = SdpNegotiator.offer(services.codecs(), local);
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

    /** Our current SDP, to repeat in answer to a session refresh. */
    String currentSdp() {
        return currentSdp;
    }

    private void startStream() {
        InetSocketAddress remote = new InetSocketAddress(negotiation.remoteAddress(), negotiation.remotePort());
        G711 law = negotiation.codec().equals(Codec.PCMA) ? G711.A_LAW : G711.MU_LAW;
        session.start(new StreamSettings(remote, law, negotiation.payloadType(),
                negotiation.telephoneEventPayloadType().orElse(-1), AudioFormats.toMedia(agentSession.inputFormat()),
                AudioFormats.toMedia(agentSession.outputFormat()), localVad));
        bridge.attachMedia(session);
        log.info("{}: audio {} with {}:{}, RTP port {}", name, negotiation.codec(), negotiation.remoteAddress(),
                negotiation.remotePort(), session.localPort());
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
        return "RTP in " + stats.packetsReceived() + " / out " + stats.packetsSent() + " packets"
                + (stats.malformed() > 0 ? ", " + stats.malformed() + " dropped" : "");
    }
}
