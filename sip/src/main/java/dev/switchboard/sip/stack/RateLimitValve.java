package dev.switchboard.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.SipStack;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops requests from a source address that sends more than the configured rate, before the stack spends any
 * work on them. Scanners (SIPVicious and friends) probe port 5060 with floods of OPTIONS and INVITEs; answering
 * them would only double the traffic, so excess requests are dropped silently. ACK and CANCEL are never
 * dropped: they belong to transactions already admitted.
 *
 * <p>JAIN-SIP creates the valve by class name and calls it on its own threads, concurrently.
 */
public final class RateLimitValve implements SIPMessageValve {

    /** Stack property carrying the per-source rate (requests per second). */
    static final String RATE_PROPERTY = "dev.switchboard.sip.REQUESTS_PER_SECOND";
    private static final Logger log = LoggerFactory.getLogger(RateLimitValve.class);
    private static final int MAX_TRACKED_SOURCES = 10_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private double rate = 50;

    @Override
    public void init(SipStack stack) {
        String configured = ((SipStackImpl) stack).getConfigurationProperties().getProperty(RATE_PROPERTY);
        if (configured != null) {
            rate = Double.parseDouble(configured);
        }
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        String method = request.getMethod();
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method)) {
            return true;
        }
        String source = channel.getPeerAddress();
        long now = System.nanoTime();
        if (buckets.size() > MAX_TRACKED_SOURCES) {
            buckets.values().removeIf(bucket -> bucket.isIdle(now));
        }
        boolean[] admitted = new boolean[1];
        buckets.compute(source, (key, bucket) -> {
            TokenBucket current = bucket == null ? new TokenBucket(rate, 2 * rate, now) : bucket;
            admitted[0] = current.tryTake(now);
            return current;
        });
        if (!admitted[0]) {
            log.debug("dropping {} from {}: over {} requests/s", method, source, rate);
        }
        return admitted[0];
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void destroy() {
        buckets.clear();
    }
}
