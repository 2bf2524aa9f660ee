package dev.switchboard.sip.call;

import dev.switchboard.config.OpusConfig;
import dev.switchboard.media.MediaEngine;
import dev.switchboard.media.recording.Recorder;
import dev.switchboard.sip.stack.SipEndpoint;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * What every call shares: the SIP endpoint, the media engine, the agents, the executor tools run on, and the
 * settings offer/answer and the timers use.
 *
 * @param mediaAddress the address written in our SDP {@code c=} lines
 * @param codecs       the codecs each call may use, by the trunk its INVITE came from
 * @param opus         how calls that settle on Opus encode
 * @param ackTimeout   how long a 200 OK may go unacknowledged
 * @param tools        runs tool calls and guardrail checks (virtual threads: they may block)
 * @param recorder     writes the recordings of agents that record, or {@code null} when none does
 */
public record CallServices(
        SipEndpoint sip, MediaEngine media, AgentDirectory agents, String mediaAddress, CodecPolicies codecs,
        OpusConfig opus, Duration ackTimeout, ExecutorService tools, Recorder recorder) {

    /** Timer F of RFC 3261 §17.1.2.2: how long to wait for the answer to our BYE. */
    public static final Duration BYE_TIMEOUT = Duration.ofSeconds(32);
}
