package dev.switchboard.sip.stack;

import java.text.ParseException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Builds the responses this server sends, with the headers RFC 3261 asks of a UAS: a To tag on every response
 * but 100 (§8.2.6.2), Contact on dialog-creating responses (§12.1.1), Allow and Accept where capabilities are
 * advertised (§11.2), and a Server header naming us.
 */
public final class SipMessages {

    /** Methods this server answers; everything else gets 405 or 501. */
    public static final List<String> ALLOWED = List.of(
            Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL, Request.OPTIONS, Request.INFO, Request.NOTIFY);

    private final MessageFactory messageFactory;
    private final HeaderFactory headerFactory;
    private final AddressFactory addressFactory;
    private final String userAgent;
    private final String contactHost;
    private final int port;

    SipMessages(MessageFactory messageFactory, HeaderFactory headerFactory, AddressFactory addressFactory,
            String userAgent, String contactHost, int port) {
        this.messageFactory = messageFactory;
        this.headerFactory = headerFactory;
        this.addressFactory = addressFactory;
        this.userAgent = userAgent;
        this.contactHost = contactHost;
        this.port = port;
    }

    /** A fresh To tag: at least 32 bits of randomness (RFC 3261 §19.3). */
    public static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    /** A response to {@code request}; {@code toTag} is set unless the status is 100 or the To already has one. */
    public Response response(Request request, int status, String toTag) {
        try {
            Response response = messageFactory.createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (status != Response.TRYING && to.getTag() == null) {
                to.setTag(toTag);
            }
            response.setHeader(headerFactory.createServerHeader(List.of(userAgent)));
            return response;
        } catch (ParseException e) {
            throw new SipOperationException("cannot build a " + status + " response", e);
        }
    }

    /** Adds {@code Allow} and {@code Accept: application/sdp} (used in 200 to OPTIONS and INVITE, 405). */
    public void addCapabilities(Response response) {
        try {
            for (String method : ALLOWED) {
                response.addHeader(headerFactory.createAllowHeader(method));
            }
            response.addHeader(headerFactory.createAcceptHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new SipOperationException("cannot add capabilities", e);
        }
    }

    /** Adds our Contact, with the transport the request came over so in-dialog requests return on it. */
    public void addContact(Response response, Request request) {
        try {
            SipURI uri = addressFactory.createSipURI(null, contactHost);
            uri.setPort(port);
            ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
            if (via != null && !"UDP".equalsIgnoreCase(via.getTransport())) {
                uri.setTransportParam(via.getTransport().toLowerCase(java.util.Locale.ROOT));
            }
            Address address = addressFactory.createAddress(uri);
            ContactHeader contact = headerFactory.createContactHeader(address);
            response.setHeader(contact);
        } catch (ParseException e) {
            throw new SipOperationException("cannot build Contact for " + contactHost, e);
        }
    }

    /**
     * Makes {@code refer} a blind transfer to {@code target} (RFC 3515 §2.1 Refer-To; RFC 3892 Referred-By
     * naming us, so the target can see who transferred the call).
     */
    public void addReferTo(Request refer, String target) {
        try {
            refer.setHeader(headerFactory.createReferToHeader(addressFactory.createAddress(target)));
            SipURI us = addressFactory.createSipURI(null, contactHost);
            us.setPort(port);
            refer.setHeader(headerFactory.createHeader("Referred-By", "<" + us + ">"));
        } catch (ParseException e) {
            throw new SipOperationException("not a usable transfer target: " + target, e);
        }
    }

    /** Attaches an SDP body. */
    public void setSdp(Response response, String sdp) {
        try {
            response.setContent(sdp, headerFactory.createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new SipOperationException("cannot attach SDP", e);
        }
    }

    /** Explains a failure in a Warning header (RFC 3261 §20.43); 399 is "miscellaneous warning". */
    public void addWarning(Response response, int code, String text) {
        try {
            String clean = text.replace('"', '\'');
            response.addHeader(headerFactory.createWarningHeader(contactHost, code, clean));
        } catch (ParseException | InvalidArgumentException e) {
            throw new SipOperationException("cannot build Warning", e);
        }
    }

    /** Asks the client to retry after {@code seconds} (503, RFC 3261 §21.5.4). */
    public void addRetryAfter(Response response, int seconds) {
        try {
            response.setHeader(headerFactory.createRetryAfterHeader(seconds));
        } catch (InvalidArgumentException e) {
            throw new SipOperationException("cannot build Retry-After", e);
        }
    }
}
