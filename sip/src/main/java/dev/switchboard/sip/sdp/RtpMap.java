package dev.switchboard.sip.sdp;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an RTP payload type carries: the value of {@code a=rtpmap:<pt> <encoding>/<clock rate>[/<channels>]}
 * (RFC 8866 §6.6). Encoding names compare case-insensitively (RFC 4855 §3).
 *
 * @param encodingName the encoding name as written, e.g. {@code "PCMU"} or {@code "telephone-event"}
 * @param clockRate    the RTP clock rate in Hz
 * @param channels     the number of audio channels; 1 when the rtpmap omits it
 */
public record RtpMap(String encodingName, int clockRate, int channels) {

    /** The audio payload types RFC 3551 §6 (Table 4) assigns statically, so an offer need not map them. */
    private static final Map<Integer, RtpMap> STATIC_AUDIO = Map.ofEntries(
            Map.entry(0, new RtpMap("PCMU", 8000, 1)),
            Map.entry(3, new RtpMap("GSM", 8000, 1)),
            Map.entry(4, new RtpMap("G723", 8000, 1)),
            Map.entry(5, new RtpMap("DVI4", 8000, 1)),
            Map.entry(6, new RtpMap("DVI4", 16000, 1)),
            Map.entry(7, new RtpMap("LPC", 8000, 1)),
            Map.entry(8, new RtpMap("PCMA", 8000, 1)),
            Map.entry(9, new RtpMap("G722", 8000, 1)),
            Map.entry(10, new RtpMap("L16", 44100, 2)),
            Map.entry(11, new RtpMap("L16", 44100, 1)),
            Map.entry(12, new RtpMap("QCELP", 8000, 1)),
            Map.entry(13, new RtpMap("CN", 8000, 1)),
            Map.entry(14, new RtpMap("MPA", 90000, 1)),
            Map.entry(15, new RtpMap("G728", 8000, 1)),
            Map.entry(16, new RtpMap("DVI4", 11025, 1)),
            Map.entry(17, new RtpMap("DVI4", 22050, 1)),
            Map.entry(18, new RtpMap("G729", 8000, 1)));

    public RtpMap {
        Objects.requireNonNull(encodingName, "encodingName");
        if (encodingName.isBlank() || clockRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad rtpmap " + encodingName + "/" + clockRate + "/" + channels);
        }
    }

    /** The RFC 3551 static mapping of an audio payload type, e.g. 0 → PCMU/8000, if it has one. */
    public static Optional<RtpMap> staticAudio(int payloadType) {
        return Optional.ofNullable(STATIC_AUDIO.get(payloadType));
    }

    /** Whether both name the same encoding: name ignoring case, clock rate and channels equal. */
    public boolean sameEncoding(RtpMap other) {
        return encodingName.equalsIgnoreCase(other.encodingName)
                && clockRate == other.clockRate
                && channels == other.channels;
    }

    /** The rtpmap value after the payload type, e.g. {@code "PCMU/8000"} or {@code "opus/48000/2"}. */
    public String encoding() {
        String base = encodingName + "/" + clockRate;
        return channels == 1 ? base : base + "/" + channels;
    }
}
