package dev.switchboard.sip.sdp;

import java.util.List;
import java.util.OptionalInt;

/**
 * Wideband offers (G.722, Opus) modelled on what real endpoints send, as LF text blocks, and the format parameters
 * the call code would give for Opus. Addresses are from the documentation ranges (RFC 5737).
 */
final class WidebandFixtures {

    /**
     * A browser-style audio offer (Chrome's order and payload types) carried over plain RTP by a gateway: Opus on
     * 111 with fmtp, RED, G.722, G.711, CN at 8000 and telephone-event at 48000 and 8000.
     */
    static final String CHROME_LIKE = """
            v=0
            o=- 4611731400430051336 2 IN IP4 192.0.2.70
            s=-
            c=IN IP4 192.0.2.70
            t=0 0
            m=audio 9000 RTP/AVP 111 63 9 0 8 13 110 126
            a=rtpmap:111 opus/48000/2
            a=fmtp:111 minptime=10;useinbandfec=1
            a=rtpmap:63 red/48000/2
            a=fmtp:63 111/111
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:13 CN/8000
            a=rtpmap:110 telephone-event/48000
            a=rtpmap:126 telephone-event/8000
            a=sendrecv
            """;

    /**
     * baresip-style: Opus on 96 asking for stereo, G.722 and G.711 by static payload type without rtpmap,
     * telephone-event only at 8000 Hz.
     */
    static final String BARESIP_LIKE = """
            v=0
            o=- 1993257385 1561563405 IN IP4 192.0.2.33
            s=-
            c=IN IP4 192.0.2.33
            t=0 0
            m=audio 10000 RTP/AVP 96 9 0 8 101
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 stereo=1;sprop-stereo=1
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=ptime:20
            a=sendrecv
            """;

    /**
     * A carrier listing G.711 first and Opus last on 102, telephone-event at 8000 (101) and 48000 (103), spaces
     * after the fmtp semicolons, and a maxptime.
     */
    static final String CARRIER = """
            v=0
            o=- 1700000000 1700000000 IN IP4 198.51.100.80
            s=Carrier
            c=IN IP4 198.51.100.80
            t=0 0
            m=audio 19888 RTP/AVP 0 8 9 102 101 103
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:9 G722/8000
            a=rtpmap:102 opus/48000/2
            a=fmtp:102 useinbandfec=1; maxplaybackrate=48000; minptime=10
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=rtpmap:103 telephone-event/48000
            a=fmtp:103 0-15
            a=ptime:20
            a=maxptime:40
            a=sendrecv
            """;

    /** A desk phone: G.722, PCMU and CN by static payload type only, telephone-event at 8000. */
    static final String DESK_PHONE = """
            v=0
            o=- 20 20 IN IP4 192.0.2.90
            s=-
            c=IN IP4 192.0.2.90
            t=0 0
            m=audio 11780 RTP/AVP 9 0 13 101
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            """;

    static final List<String> ALL = List.of(CHROME_LIKE, BARESIP_LIKE, CARRIER, DESK_PHONE);

    /** What the call code gives for Opus (a mono voice agent at 16 kHz); nothing for other codecs. */
    static final String OPUS_FMTP =
            "maxplaybackrate=16000;sprop-maxcapturerate=24000;stereo=0;sprop-stereo=0;useinbandfec=1;usedtx=0";

    /** Our wideband codecs in our preference order, with comfort noise switched on. */
    static final List<Codec> WIDEBAND = List.of(Codec.OPUS, Codec.G722, Codec.PCMU, Codec.PCMA, Codec.COMFORT_NOISE);

    static final LocalMedia LOCAL = new LocalMedia("192.0.2.200", 20000, 1000, 1);

    private WidebandFixtures() {
    }

    /** Format parameters that give {@link #OPUS_FMTP} for Opus and remember what the answer side was given. */
    static final class OpusParameters implements FormatParameters {
        Codec answeredCodec;
        String offeredFmtp;
        OptionalInt offeredMaxptime;

        @Override
        public String answer(Codec codec, String offeredFmtp, OptionalInt offeredMaxptime) {
            this.answeredCodec = codec;
            this.offeredFmtp = offeredFmtp;
            this.offeredMaxptime = offeredMaxptime;
            return offer(codec);
        }

        @Override
        public String offer(Codec codec) {
            return codec.equals(Codec.OPUS) ? OPUS_FMTP : "";
        }
    }
}
