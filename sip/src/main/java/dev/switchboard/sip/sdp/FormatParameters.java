package dev.switchboard.sip.sdp;

import java.util.OptionalInt;

/**
 * The {@code a=fmtp} values we write (RFC 8866 §6.15): format-specific parameters such as Opus's
 * {@code maxplaybackrate} or {@code useinbandfec} (RFC 7587 §7). The SDP code only places them; what they say is the
 * codec's business, which is why it is a callback.
 *
 * <p>A value is the text after {@code a=fmtp:<payload type> }, stripped of surrounding blanks; {@code ""} means no
 * fmtp line. Null or a value with a line break or other control character makes the negotiator throw
 * {@link IllegalArgumentException}: it would forge SDP lines.
 */
public interface FormatParameters {

    /** No format parameters for any codec. */
    FormatParameters NONE = new FormatParameters() {
        @Override
        public String answer(Codec codec, String offeredFmtp, OptionalInt offeredMaxptime) {
            return "";
        }

        @Override
        public String offer(Codec codec) {
            return "";
        }
    };

    /**
     * The parameters for our answer's fmtp line for the voice codec we chose from an offer.
     *
     * @param codec           the chosen voice codec
     * @param offeredFmtp     the offer's fmtp parameters for the chosen payload type, {@code ""} when none; peer
     *                        input, unchecked beyond being one line
     * @param offeredMaxptime the offer's {@code a=maxptime} (RFC 8866 §6.5), if any
     * @return the parameters, or {@code ""} for no fmtp line
     */
    String answer(Codec codec, String offeredFmtp, OptionalInt offeredMaxptime);

    /**
     * The parameters for a voice codec's fmtp line in our own (delayed) offer.
     *
     * @return the parameters, or {@code ""} for no fmtp line
     */
    String offer(Codec codec);
}
