package dev.switchboard.sip.sdp;

import java.util.List;

/**
 * Offers modelled on what real endpoints send, as LF text blocks ({@link #crlf} gives the wire form). Addresses are
 * from the documentation ranges (RFC 5737, RFC 3849).
 */
final class SdpFixtures {

    /** SIPp's built-in uac scenario: one PCMU stream, nothing else. */
    static final String SIPP = """
            v=0
            o=user1 53655765 2353687637 IN IP4 192.0.2.10
            s=-
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 6000 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            """;

    /** Asterisk (chan_pjsip): PCMU, PCMA, GSM, telephone-event with fmtp, ptime, maxptime, sendrecv. */
    static final String ASTERISK = """
            v=0
            o=- 1580929358 1580929360 IN IP4 203.0.113.10
            s=Asterisk
            c=IN IP4 203.0.113.10
            t=0 0
            m=audio 12742 RTP/AVP 0 8 3 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:3 GSM/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=maxptime:150
            a=sendrecv
            """;

    /** FreeSWITCH preferring PCMA, with comfort noise and an rtcp attribute. */
    static final String FREESWITCH = """
            v=0
            o=FreeSWITCH 1700000000 1700000001 IN IP4 198.51.100.7
            s=FreeSWITCH
            c=IN IP4 198.51.100.7
            t=0 0
            m=audio 26552 RTP/AVP 8 0 101 13
            a=rtpmap:8 PCMA/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=rtpmap:13 CN/8000
            a=ptime:20
            a=sendrecv
            a=rtcp:26553 IN IP4 198.51.100.7
            """;

    /** Twilio's media gateway: PCMU and telephone-event with fmtp 0-16, a session name with spaces. */
    static final String TWILIO = """
            v=0
            o=root 1543605489 1543605489 IN IP4 198.51.100.60
            s=Twilio Media Gateway
            c=IN IP4 198.51.100.60
            t=0 0
            m=audio 17844 RTP/AVP 0 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=maxptime:150
            a=sendrecv
            """;

    /** baresip: Opus first, then PCMU and PCMA, telephone-event 0-15, bandwidth and ssrc lines. */
    static final String BARESIP = """
            v=0
            o=- 1993257385 1561563405 IN IP4 192.0.2.33
            s=-
            c=IN IP4 192.0.2.33
            t=0 0
            m=audio 10170 RTP/AVP 96 0 8 101
            b=AS:128
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 stereo=1;sprop-stereo=1
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=sendrecv
            a=label:1
            a=ssrc:1471929123 cname:d4b2b1c0-8bb1-4e13-9d7b-7a6e8f1f2c21
            a=rtcp-rsize
            a=ptime:20
            """;

    /**
     * Linphone with video: telephone-event at three clock rates (only 100 is 8000 Hz), fmtp for static type 18
     * without rtpmap, session-level rtcp-xr, a video stream after the audio.
     */
    static final String LINPHONE = """
            v=0
            o=alice 3397 1474 IN IP4 192.0.2.44
            s=Talk
            c=IN IP4 192.0.2.44
            t=0 0
            a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
            m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 useinbandfec=1
            a=rtpmap:97 speex/16000
            a=fmtp:97 vbr=on
            a=rtpmap:98 speex/8000
            a=fmtp:98 vbr=on
            a=fmtp:18 annexb=yes
            a=rtpmap:101 telephone-event/48000
            a=rtpmap:99 telephone-event/16000
            a=rtpmap:100 telephone-event/8000
            a=rtcp-fb:* trr-int 1000
            m=video 9078 RTP/AVP 96
            a=rtpmap:96 VP8/90000
            a=rtcp-fb:* trr-int 1000
            a=rtcp-fb:96 nack pli
            """;

    /** A video phone listing video first; the audio stream is the second m= line. */
    static final String VIDEO_FIRST = """
            v=0
            o=- 42 1 IN IP4 192.0.2.50
            s=-
            c=IN IP4 192.0.2.50
            t=0 0
            m=video 5002 RTP/AVP 96
            a=rtpmap:96 H264/90000
            a=fmtp:96 profile-level-id=42e01f;packetization-mode=1
            m=audio 5000 RTP/AVP 8 0 101
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            """;

    /** IPv6 everywhere. */
    static final String IPV6 = """
            v=0
            o=- 7 7 IN IP6 2001:db8::7
            s=-
            c=IN IP6 2001:db8::7
            t=0 0
            m=audio 40000 RTP/AVP 0 101
            a=rtpmap:101 telephone-event/8000
            """;

    /** An SBC-style offer: the session-level c= is overridden by the audio stream's own. */
    static final String MEDIA_LEVEL_CONNECTION = """
            v=0
            o=sbc 100 200 IN IP4 198.51.100.1
            s=-
            c=IN IP4 198.51.100.1
            t=0 0
            m=audio 30000 RTP/AVP 0
            c=IN IP4 203.0.113.99
            """;

    /** A re-INVITE putting the call on hold the RFC 2543 way: c= 0.0.0.0 (RFC 3264 §8.4). */
    static final String LEGACY_HOLD = """
            v=0
            o=- 1580929358 1580929361 IN IP4 203.0.113.10
            s=-
            c=IN IP4 0.0.0.0
            t=0 0
            m=audio 12742 RTP/AVP 0 101
            a=rtpmap:101 telephone-event/8000
            a=sendonly
            """;

    /** Only codecs we do not support. */
    static final String G729_GSM_ONLY = """
            v=0
            o=- 1 1 IN IP4 192.0.2.60
            s=-
            c=IN IP4 192.0.2.60
            t=0 0
            m=audio 4000 RTP/AVP 18 3
            """;

    /** SRTP audio only (SDES keys, RFC 4568). */
    static final String SRTP_ONLY = """
            v=0
            o=- 1 1 IN IP4 192.0.2.61
            s=-
            c=IN IP4 192.0.2.61
            t=0 0
            m=audio 4002 RTP/SAVP 0 8
            a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz
            """;

    static final List<String> REAL_WORLD = List.of(SIPP, ASTERISK, FREESWITCH, TWILIO, BARESIP, LINPHONE,
            VIDEO_FIRST, IPV6, MEDIA_LEVEL_CONNECTION, LEGACY_HOLD);

    private SdpFixtures() {
    }

    /** The same text with CRLF line endings, as it arrives in a SIP body. */
    static String crlf(String lf) {
        return lf.replace("\n", "\r\n");
    }
}
