package dev.switchboard.sip.call;

import dev.switchboard.sip.sdp.SessionDescription;
import dev.switchboard.sip.stack.SipLeg;

/**
 * An admitted INVITE: its SIP leg, the agent its dialed number reaches, the caller's SDP offer ({@code null} for a
 * delayed offer), who is calling (the From URI) and the number dialed.
 */
record CallSetup(SipLeg leg, AgentBinding agent, SessionDescription offer, String caller, String dialed) {}
