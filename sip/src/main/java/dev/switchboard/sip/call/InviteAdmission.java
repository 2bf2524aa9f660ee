package dev.switchboard.sip.call;

import dev.switchboard.sip.sdp.Codec;
import dev.switchboard.sip.sdp.FormatParameters;
import dev.switchboard.sip.sdp.LocalMedia;
import dev.switchboard.sip.sdp.NoCommonCodecException;
import dev.switchboard.sip.sdp.SdpException;
import dev.switchboard.sip.sdp.SdpNegotiator;
import dev.switchboard.sip.sdp.SdpParser;
import dev.switchboard.sip.sdp.SessionDescription;
import dev.switchboard.sip.stack.SipLeg;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an INVITE becomes a call, and turns it away with the status that says why when it does not:
 * 503 over the call limit, 404 for a number with no agent, 415 for a body that is not SDP, 400 for SDP that does
 * not parse, 488 when no codec is shared. Every rejection carries a Warning header with the reason.
 */
final class InviteAdmission {

    private static final Logger log = LoggerFactory.getLogger(InviteAdmission.class);
    /** A placeholder RTP port for checking an offer before the real port is bound (9 is the discard port). */
    private static final int PROBE_PORT = 9;

    private final CallServices services;
    private final int maxCalls;

    InviteAdmission(CallServices services, int maxCalls) {
        this.services = services;
        this.maxCalls = maxCalls;
    }

    /** The call to set up, or empty when the INVITE was rejected. */
    Optional<CallSetup> admit(String name, ServerTransaction transaction, int activeCalls) {
        SipLeg leg = new SipLeg(name, services.sip(), transaction);
        Request invite = transaction.getRequest();
        if (activeCalls >= maxCalls) {
            return reject(leg, name, Response.SERVICE_UNAVAILABLE, "call limit of " + maxCalls + " reached", 5);
        }
        String number = dialedNumber(invite.getRequestURI());
        if (number == null || number.isEmpty()) {
            return reject(leg, name, Response.NOT_FOUND, "no number in the Request-URI", 0);
        }
        Optional<AgentBinding> agent = services.agents().forNumber(number);
        if (agent.isEmpty()) {
            return reject(leg, name, Response.NOT_FOUND, "no agent for number " + number, 0);
        }
        CodecPolicy codecs = services.codecs().forSource(leg.source());
        Offer offer;
        try {
            offer = offer(invite, codecs);
        } catch (UnsupportedBody e) {
            return reject(leg, name, Response.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), 0);
        } catch (NoCommonCodecException e) {
            return reject(leg, name, Response.NOT_ACCEPTABLE_HERE, e.getMessage(), 0);
        } catch (SdpException e) {
            return reject(leg, name, Response.BAD_REQUEST, "invalid SDP: " + e.getMessage(), 0);
        }
        leg.trying();
        log.info("{}: {} calls {} -> agent {}", name, caller(invite), number, agent.get().name());
        return Optional.of(offer == null
                ? new CallSetup(leg, agent.get(), null, caller(invite), number, null, codecs)
                : new CallSetup(leg, agent.get(), offer.sdp(), caller(invite), number, offer.codec(), codecs));
    }

    /** A checked offer and the codec our answer will choose. */
    private record Offer(SessionDescription sdp, Codec codec) {}

    /** The caller's offer, checked against what we support; {@code null} when the INVITE has no body. */
    private Offer offer(Request invite, CodecPolicy codecs) {
        byte[] body = invite.getRawContent();
        if (body == null || body.length == 0) {
            return null;
        }
        ContentTypeHeader type = (ContentTypeHeader) invite.getHeader(ContentTypeHeader.NAME);
        if (type == null || !"application".equalsIgnoreCase(type.getContentType())
                || !"sdp".equalsIgnoreCase(type.getContentSubType())) {
            throw new UnsupportedBody("body is " + (type == null ? "untyped" : type.getContentType() + "/"
                    + type.getContentSubType()) + ", expected application/sdp");
        }
        SessionDescription offer = SdpParser.parse(new String(body, StandardCharsets.UTF_8));
        LocalMedia probe = new LocalMedia(services.mediaAddress(), PROBE_PORT, 1, 1);
        return new Offer(offer, SdpNegotiator.answer(offer, codecs.codecs(), codecs.preference(),
                FormatParameters.NONE, probe).codec());
    }

    private static String caller(Request invite) {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        return from == null ? "unknown caller" : from.getAddress().getURI().toString();
    }

    /** The user part of a SIP URI or the number of a tel URL (RFC 3966). */
    static String dialedNumber(URI uri) {
        if (uri instanceof SipURI sip) {
            return sip.getUser();
        }
        if (uri instanceof TelURL tel) {
            return (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber();
        }
        return null;
    }

    private static Optional<CallSetup> reject(SipLeg leg, String name, int status, String reason, int retryAfter) {
        log.info("{}: rejected with {}: {}", name, status, reason);
        leg.reject(status, reason, retryAfter);
        return Optional.empty();
    }

    /** The INVITE's body is not SDP. */
    private static final class UnsupportedBody extends RuntimeException {
        UnsupportedBody(String message) {
            super(message);
        }
    }
}
