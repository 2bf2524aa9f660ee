package dev.switchboard.sip.call;

/**
 * Where a call is in its life. RFC 3261 dialog states map onto it: INVITED and ANSWERING are the early dialog
 * (ANSWERING once our 200 is out and the ACK is awaited), ACTIVE is the confirmed dialog.
 */
public enum Phase {
    /** The INVITE is in; the RTP socket is being bound and the agent session opened. */
    INVITED,
    /** 200 OK sent, waiting for the ACK. Audio already flows. */
    ANSWERING,
    /** ACK received: the conversation is on. */
    ACTIVE,
    /** We sent BYE and wait for its response. */
    TERMINATING,
    /** Over; nothing more happens. */
    TERMINATED
}
