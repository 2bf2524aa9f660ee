package dev.switchboard.sip.call;

import dev.switchboard.media.MediaEngine;
import dev.switchboard.sip.sdp.Codec;
import dev.switchboard.sip.stack.SipEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * What every call shares: the SIP endpoint, the media engine, the agents, the executor tools run on, and the
 * settings offer/answer and the timers use.
 *
 * @param mediaAddress the address written in our SDP {@code c=} lines
 * @param codecs       the codecs we accept, in our order of preference (an allow list; the offer's order wins)
 * @param ackTimeout   how long a 200 OK may go unacknowledged
 * @param tools        runs tool calls and guardrail checks (virtual threads: they may block)
 */
public record CallServices(
        SipEndpoint sip, MediaEngine media, AgentDirectory agents, String mediaAddress, List<Codec> codecs,
        Duration ackTimeout, ExecutorService tools) {

    /** Timer F of RFC 3261 §17.1.2.2: how long to wait for the answer to our BYE. */
    public static final Duration BYE_TIMEOUT = Duration.ofSeconds(32);

    public CallServices {
        codecs = List.copyOf(codecs);
    }
}
