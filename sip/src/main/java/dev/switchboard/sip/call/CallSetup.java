package dev.switchboard.sip.call;

import dev.switchboard.sip.sdp.SessionDescription;
import dev.switchboard.sip.stack.SipLeg;

/**
 * An admitted INVITE: its SIP leg, the agent its dialed number reaches, and the caller's SDP offer ({@code null}
 * for a delayed offer).
 */
record CallSetup(SipLeg leg, AgentBinding agent, SessionDescription offer) {}
