package dev.switchboard.sip.stack;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where SIP messages are sent from: virtual threads, because JAIN-SIP's send may block on TCP and must never run
 * on an event loop or hold up the stack's listener thread.
 */
final class SipSender {

    static final Executor EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();
    private static final Logger log = LoggerFactory.getLogger(SipSender.class);

    private SipSender() {}

    /** Sends a response that belongs to no call (OPTIONS, 404, 481...). */
    static void respond(ServerTransaction transaction, Response response) {
        EXECUTOR.execute(() -> {
            try {
                transaction.sendResponse(response);
            } catch (Exception e) {
                log.warn("could not send {} to {}: {}", response.getStatusCode(),
                        transaction.getRequest().getMethod(), e.toString());
            }
        });
    }
}
