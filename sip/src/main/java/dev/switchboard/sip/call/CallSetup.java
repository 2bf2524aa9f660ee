package dev.switchboard.sip.call;

import dev.switchboard.sip.sdp.Codec;
import dev.switchboard.sip.sdp.SessionDescription;
import dev.switchboard.sip.stack.SipLeg;

/**
 * An admitted INVITE: its SIP leg, the agent its dialed number reaches, the caller's SDP offer ({@code null} for a
 * delayed offer), who is calling (the From URI), the number dialed, the codec the answer will choose
 * ({@code null} until a delayed offer's answer arrives), and the codecs the call may use (its trunk's).
 */
record CallSetup(SipLeg leg, AgentBinding agent, SessionDescription offer, String caller, String dialed,
        Codec codec, CodecPolicy codecs) {}
