package dev.switchboard.media.codec.opus;

import java.util.OptionalInt;

/**
 * Our side of an Opus payload type after offer/answer: the fmtp we answer with, how our encoder sends, and the
 * rate our decoder plays at.
 *
 * @param fmtp              what to put in our {@code a=fmtp} line for the Opus payload type
 * @param encoder           how to encode towards the peer, within what its fmtp allows
 * @param decoderSampleRate the rate to open our decoder at: what we told the peer we play
 */
public record OpusAnswer(OpusFmtp fmtp, OpusEncoderSettings encoder, int decoderSampleRate) {

    /**
     * Answers a peer's Opus parameters.
     *
     * <p>Our fmtp describes a mono voice agent: {@code maxplaybackrate} is the rate the agent listens at, so the
     * peer spends no bits on audio the agent would never hear (16 kHz, wideband, carries all of speech a
     * recogniser uses); {@code sprop-maxcapturerate} is the rate the agent speaks at; stereo is off both ways;
     * {@code useinbandfec=1} because we recover lost frames from FEC; {@code usedtx=0} because the agent's speech
     * detection wants continuous audio from the caller, not gaps.
     *
     * <p>Our encoder follows the peer's fmtp: bitrate capped by its {@code maxaveragebitrate}, bandwidth by its
     * {@code maxplaybackrate}, FEC only if it can use it, DTX and CBR only if it prefers them. Frames stay 20 ms
     * ({@code a=ptime} is only a recommendation, RFC 8866 §6.4) unless the peer's {@code a=maxptime} forbids them,
     * when they shrink to 10 ms.
     *
     * @param remote        the peer's fmtp for the payload type ({@link OpusFmtp#DEFAULTS} when it sent none)
     * @param remoteMaxptime the peer's {@code a=maxptime}, if any
     * @param preferred     our own encoder settings before negotiation; their rate is the agent's output rate
     * @param playbackRate  the agent's input rate, one of the Opus rates
     */
    public static OpusAnswer negotiate(OpusFmtp remote, OptionalInt remoteMaxptime, OpusEncoderSettings preferred,
            int playbackRate) {
        if (!OpusEncoderSettings.SAMPLE_RATES.contains(playbackRate)) {
            throw new IllegalArgumentException("the playback rate must be an Opus rate, not " + playbackRate);
        }
        OpusFmtp ours = new OpusFmtp(playbackRate, preferred.sampleRate(), OptionalInt.empty(), false, false, false,
                true, false);
        int bitrate = Math.min(preferred.bitrate(), remote.maxAverageBitrate().orElse(Integer.MAX_VALUE));
        int frameMillis = remoteMaxptime.orElse(Integer.MAX_VALUE) < 20 ? 10 : 20;
        OpusEncoderSettings encoder = new OpusEncoderSettings(preferred.sampleRate(), frameMillis, bitrate,
                preferred.complexity(), preferred.inbandFec() && remote.useInbandFec(), preferred.packetLossPercent(),
                remote.useDtx(), remote.cbr(), remote.maxPlaybackRate());
        return new OpusAnswer(ours, encoder, playbackRate);
    }
}
