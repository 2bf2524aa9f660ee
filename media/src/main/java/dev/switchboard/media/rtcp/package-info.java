/**
 * RTCP (RFC 3550 §6) without sockets: compound packets encoded and decoded, reception statistics of the caller's
 * stream, round-trip time, and when the next report is due. {@link dev.switchboard.media.rtcp.RtcpSession} ties
 * them together for one call.
 */
package dev.switchboard.media.rtcp;
