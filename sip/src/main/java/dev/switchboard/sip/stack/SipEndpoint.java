package dev.switchboard.sip.stack;

import dev.switchboard.config.SipConfig;
import java.util.Properties;
import java.util.TooManyListenersException;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's SIP endpoint: a JAIN-SIP stack listening on UDP and TCP at {@code sip.listen}, and the factories
 * that build messages for it. This class alone knows JAIN-SIP's property names.
 */
public final class SipEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SipEndpoint.class);

    private final SipStack stack;
    private final SipProvider provider;
    private final SipMessages messages;

    private SipEndpoint(SipStack stack, SipProvider provider, SipMessages messages) {
        this.stack = stack;
        this.provider = provider;
        this.messages = messages;
    }

    /**
     * Starts the stack and its listening points. Nothing is answered until {@link #listen} names a listener.
     *
     * @param contactHost the host written in Contact headers: how peers reach this server
     */
    public static SipEndpoint start(SipConfig config, String contactHost) {
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            SipStack stack = factory.createSipStack(properties(config));
            String host = config.listen().host();
            int port = config.listen().port();
            SipProvider provider = null;
            for (String transport : config.transports()) {
                ListeningPoint point = stack.createListeningPoint(host, port, transport);
                if (provider == null) {
                    provider = stack.createSipProvider(point);
                } else {
                    provider.addListeningPoint(point);
                }
            }
            stack.start();
            SipMessages messages = new SipMessages(factory.createMessageFactory(), factory.createHeaderFactory(),
                    factory.createAddressFactory(), config.userAgent(), contactHost, port);
            log.info("SIP listening on {} ({}), contact host {}", config.listen(), config.transports(), contactHost);
            return new SipEndpoint(stack, provider, messages);
        } catch (javax.sip.SipException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot start SIP on " + config.listen() + ": " + e.getMessage(), e);
        }
    }

    private static Properties properties(SipConfig config) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "switchboard");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "32");
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", RateLimitValve.class.getName());
        p.setProperty(RateLimitValve.RATE_PROPERTY, Integer.toString(config.requestsPerSecond()));
        // One listener thread: the listener only translates and hands over, so it never needs more.
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        // Limits for anything listening on the network: message size, TCP connections, slow senders.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "512");
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "5000");
        p.setProperty("gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME", "120000");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(20 * config.maxCalls() + 100));
        // Drop transaction and dialog state as early as the RFC allows, so finished calls do not hold memory.
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        return p;
    }

    /** Registers the listener that receives every request, response and timeout. */
    public void listen(SipListener listener) {
        try {
            provider.addSipListener(listener);
        } catch (TooManyListenersException e) {
            throw new IllegalStateException("a SIP listener is already registered", e);
        }
    }

    public SipProvider provider() {
        return provider;
    }

    public SipMessages messages() {
        return messages;
    }

    @Override
    public void close() {
        stack.stop();
    }
}
