package dev.switchboard.media.codec.opus;

/**
 * A payload libopus cannot decode (RFC 6716 §3.4 lists what makes a packet malformed). The caller conceals the
 * frame ({@link OpusDecoder#decodeLost}) and counts the packet; the decoder stays usable.
 *
 * <p>Carries no stack trace: a flood of bad packets must stay cheap, and the message says all there is.
 */
public final class OpusPacketException extends Exception {

    OpusPacketException(String message) {
        super(message, null, false, false);
    }
}
