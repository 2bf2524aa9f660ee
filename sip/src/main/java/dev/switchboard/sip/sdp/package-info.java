/**
 * SDP (RFC 8866) and the offer/answer model (RFC 3264) for one plain-RTP audio stream: parse an offer, choose a
 * codec, write the answer, or make our own offer for an INVITE that came without one. Plain Java with no SIP or
 * network types, so the SIP layer decides how errors become responses: {@link dev.switchboard.sip.sdp.SdpException}
 * is a malformed body (400), {@link dev.switchboard.sip.sdp.NoCommonCodecException} an unacceptable one (488).
 */
package dev.switchboard.sip.sdp;
