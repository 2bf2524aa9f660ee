package dev.switchboard.sip.stack;

import java.util.concurrent.CompletableFuture;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP side of one inbound call: the INVITE's server transaction and the dialog it creates.
 *
 * <p>Sending through JAIN-SIP may block (a TCP connect, a full socket buffer), so every operation is queued and
 * runs on a virtual thread; operations of one leg run one after another, in the order they were asked for (180
 * always before 200). Call the methods from the call's event loop; they return at once.
 */
public final class SipLeg {

    private static final Logger log = LoggerFactory.getLogger(SipLeg.class);

    private final String name;
    private final SipProvider provider;
    private final SipMessages messages;
    private final ServerTransaction inviteTransaction;
    private final Request invite;
    private final String toTag = SipMessages.newTag();
    private CompletableFuture<Void> queue = CompletableFuture.completedFuture(null);

    public SipLeg(String name, SipEndpoint endpoint, ServerTransaction inviteTransaction) {
        this.name = name;
        this.provider = endpoint.provider();
        this.messages = endpoint.messages();
        this.inviteTransaction = inviteTransaction;
        this.invite = inviteTransaction.getRequest();
    }

    public Request invite() {
        return invite;
    }

    /**
     * The address the INVITE came from, as the transport saw it (not what its Via claims): it picks the trunk the
     * call belongs to. {@code null} when the stack did not record it.
     */
    public java.net.InetAddress source() {
        return invite instanceof gov.nist.javax.sip.message.SIPMessage message ? message.getRemoteAddress() : null;
    }

    /** 100 Trying: stops the caller's INVITE retransmissions while the agent connects (RFC 3261 §17.2.1). */
    public void trying() {
        enqueue("100", () -> inviteTransaction.sendResponse(messages.response(invite, Response.TRYING, null)));
    }

    /** 180 Ringing, which also creates the early dialog with our To tag. */
    public void ringing() {
        enqueue("180", () -> {
            Response ringing = messages.response(invite, Response.RINGING, toTag);
            messages.addContact(ringing, invite);
            inviteTransaction.sendResponse(ringing);
        });
    }

    /** 200 OK with our SDP answer. The stack retransmits it until the ACK arrives (§13.3.1.4). */
    public void answer(String sdp) {
        enqueue("200", () -> {
            Response ok = messages.response(invite, Response.OK, toTag);
            messages.addContact(ok, invite);
            messages.addCapabilities(ok);
            messages.setSdp(ok, sdp);
            inviteTransaction.sendResponse(ok);
        });
    }

    /**
     * Answers a re-INVITE inside the call (a session refresh, RFC 4028, or a peer re-sending its offer) with our
     * current SDP, so the session carries on unchanged.
     */
    public void answerReInvite(ServerTransaction transaction, String sdp) {
        enqueue("200 (re-INVITE)", () -> {
            Request reInvite = transaction.getRequest();
            Response ok = messages.response(reInvite, Response.OK, toTag);
            messages.addContact(ok, reInvite);
            messages.addCapabilities(ok);
            if (sdp != null) {
                messages.setSdp(ok, sdp);
            }
            transaction.sendResponse(ok);
        });
    }

    /**
     * Rejects the INVITE with a final error.
     *
     * @param warning    explanation for a Warning header, or {@code null}
     * @param retryAfter seconds for Retry-After, or 0 for none
     */
    public void reject(int status, String warning, int retryAfter) {
        enqueue(Integer.toString(status), () -> {
            Response response = messages.response(invite, status, toTag);
            if (warning != null) {
                messages.addWarning(response, 399, warning);
            }
            if (retryAfter > 0) {
                messages.addRetryAfter(response, retryAfter);
            }
            inviteTransaction.sendResponse(response);
        });
    }

    /** Answers a request inside this call with {@code status} (200 for BYE, CANCEL, INFO...). */
    public void respond(ServerTransaction transaction, int status) {
        respond(transaction, status, null);
    }

    /** As {@link #respond(ServerTransaction, int)}, saying why in a Warning header (RFC 3261 §20.43). */
    public void respond(ServerTransaction transaction, int status, String warning) {
        enqueue(transaction.getRequest().getMethod() + " " + status, () -> {
            Response response = messages.response(transaction.getRequest(), status, toTag);
            if (warning != null) {
                messages.addWarning(response, 399, warning);
            }
            transaction.sendResponse(response);
        });
    }

    /**
     * Ends the call from our side with BYE (RFC 3261 §15.1.1). The response arrives through the dispatcher;
     * {@code onFailure} runs (on a virtual thread) when the BYE cannot even be sent, so the call does not wait for
     * a response that will never come.
     */
    public void bye(Runnable onFailure) {
        sendInDialog(Request.BYE, request -> { }, onFailure);
    }

    /**
     * Blind transfer (RFC 3515, RFC 5589 §6.1): asks the caller's side to call {@code target} with a REFER in
     * this dialog. Its final response and the NOTIFYs that report the transfer's progress come back through the
     * dispatcher; {@code onFailure} runs when the REFER cannot even be sent.
     */
    public void refer(String target, Runnable onFailure) {
        sendInDialog(Request.REFER, refer -> messages.addReferTo(refer, target), onFailure);
    }

    /** Sends a new request in the dialog; {@code onFailure} runs if it cannot be sent. */
    private void sendInDialog(String method, java.util.function.Consumer<Request> prepare, Runnable onFailure) {
        enqueue(method, () -> {
            try {
                Dialog dialog = inviteTransaction.getDialog();
                Request request = dialog.createRequest(method);
                prepare.accept(request);
                dialog.sendRequest(provider.getNewClientTransaction(request));
            } catch (Exception e) {
                onFailure.run();
                throw e;
            }
        });
    }

    private void enqueue(String what, SipAction action) {
        queue = queue.thenRunAsync(() -> {
            try {
                action.run();
            } catch (Exception e) {
                log.warn("{}: could not send {}: {}", name, what, e.toString());
            }
        }, SipSender.EXECUTOR);
    }

    /** A JAIN-SIP call, with its checked exceptions. */
    @FunctionalInterface
    private interface SipAction {
        void run() throws Exception;
    }
}
