package dev.switchboard.sip.stack;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import java.util.ListIterator;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAIN-SIP listener. It answers what belongs to no call (OPTIONS, unsupported methods, unknown dialogs)
 * and routes the rest by Call-ID; it never does call work on the stack's thread.
 */
public final class SipDispatcher implements SipListenerExt {

    private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);
    /** Methods of RFC 3261 and its common extensions: recognised, so 405 rather than 501 (§8.2.1). */
    private static final java.util.Set<String> KNOWN_METHODS = java.util.Set.of(
            "REGISTER", "SUBSCRIBE", "MESSAGE", "REFER", "UPDATE", "PRACK", "PUBLISH");

    private final SipEndpoint endpoint;
    private final SipCallRouter router;

    public SipDispatcher(SipEndpoint endpoint, SipCallRouter router) {
        this.endpoint = endpoint;
        this.router = router;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            byte[] body = request.getRawContent();
            router.ack(callId(request), body == null ? null : new String(body, java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        ServerTransaction transaction = serverTransaction(event);
        if (transaction == null) {
            return;
        }
        if (rejectedRequire(transaction)) {
            return;
        }
        boolean found = switch (method) {
            case Request.INVITE -> invite(transaction);
            case Request.BYE -> router.bye(callId(request), transaction);
            case Request.CANCEL -> router.cancel(callId(request), transaction);
            case Request.INFO -> router.info(callId(request), transaction);
            case Request.NOTIFY -> router.notify(callId(request), transaction);
            case Request.OPTIONS -> options(transaction);
            default -> unsupported(transaction);
        };
        if (!found) {
            reply(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        }
    }

    private boolean invite(ServerTransaction transaction) {
        Request invite = transaction.getRequest();
        if (((ToHeader) invite.getHeader(ToHeader.NAME)).getTag() != null) {
            return router.reInvite(callId(invite), transaction);
        }
        router.invite(transaction);
        return true;
    }

    /** OPTIONS (RFC 3261 §11.2): 200 with what we accept, so trunks and monitors can probe us. */
    private boolean options(ServerTransaction transaction) {
        Response ok = endpoint.messages().response(transaction.getRequest(), Response.OK, SipMessages.newTag());
        endpoint.messages().addCapabilities(ok);
        SipSender.respond(transaction, ok);
        return true;
    }

    private boolean unsupported(ServerTransaction transaction) {
        String method = transaction.getRequest().getMethod();
        int status = KNOWN_METHODS.contains(method) ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED;
        Response response = endpoint.messages().response(transaction.getRequest(), status, SipMessages.newTag());
        endpoint.messages().addCapabilities(response);
        SipSender.respond(transaction, response);
        return true;
    }

    /** We support no SIP extensions, so any Require gets 420 Bad Extension (RFC 3261 §8.2.2.3). */
    private boolean rejectedRequire(ServerTransaction transaction) {
        ListIterator<?> required = transaction.getRequest().getHeaders(RequireHeader.NAME);
        if (required == null || !required.hasNext()) {
            return false;
        }
        log.info("rejecting {}: it requires extensions we do not support", transaction.getRequest().getMethod());
        reply(transaction, Response.BAD_EXTENSION);
        return true;
    }

    private void reply(ServerTransaction transaction, int status) {
        SipSender.respond(transaction,
                endpoint.messages().response(transaction.getRequest(), status, SipMessages.newTag()));
    }

    /**
     * The request's server transaction, created if the stack did not; {@code null} for a retransmission, which
     * the existing transaction already answers.
     */
    private ServerTransaction serverTransaction(RequestEvent event) {
        if (event.getServerTransaction() != null) {
            return event.getServerTransaction();
        }
        try {
            return endpoint.provider().getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        } catch (TransactionUnavailableException e) {
            log.warn("cannot create a transaction for {}: {}", event.getRequest().getMethod(), e.getMessage());
            return null;
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (response.getStatusCode() < 200) {
            return;
        }
        switch (cseq.getMethod()) {
            case Request.BYE -> router.byeCompleted(callId(response));
            case Request.REFER -> router.referAnswered(callId(response), response.getStatusCode(),
                    response.getReasonPhrase());
            default -> { }
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        Request request = event.getClientTransaction().getRequest();
        switch (request.getMethod()) {
            case Request.BYE -> router.byeCompleted(callId(request));
            case Request.REFER -> router.referAnswered(callId(request), Response.REQUEST_TIMEOUT, "no answer");
            default -> { }
        }
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        if (event.getReason() == DialogTimeoutEvent.Reason.AckNotReceived) {
            router.ackTimedOut(event.getDialog().getCallId().getCallId());
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("SIP I/O error with {}:{} over {}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {}

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {}

    private static String callId(javax.sip.message.Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }
}
