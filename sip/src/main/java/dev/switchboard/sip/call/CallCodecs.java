package dev.switchboard.sip.call;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.config.OpusConfig;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.codec.opus.OpusAnswer;
import dev.switchboard.media.codec.opus.OpusEncoderSettings;
import dev.switchboard.media.codec.opus.OpusFmtp;
import dev.switchboard.media.voice.VoiceCodec;
import dev.switchboard.sip.sdp.Codec;
import dev.switchboard.sip.sdp.FormatParameters;
import dev.switchboard.sip.sdp.Negotiation;
import java.util.OptionalInt;

/**
 * The codec side of one call's offer/answer: the Opus format parameters we write (RFC 7587 §7), shaped by the
 * rates the call's agent listens and speaks at, and the media engine's codec for what the exchange settled.
 */
final class CallCodecs implements FormatParameters {

    private final OpusConfig opus;
    private final int agentInputRate;
    private final int agentOutputRate;

    /**
     * @param agentInput  what the call's agent listens to: Opus is decoded straight to its rate
     * @param agentOutput what it speaks: Opus encodes straight from its rate
     */
    CallCodecs(OpusConfig opus, AudioFormat agentInput, AudioFormat agentOutput) {
        this.opus = opus;
        this.agentInputRate = opusRate(agentInput.sampleRate());
        this.agentOutputRate = opusRate(agentOutput.sampleRate());
    }

    @Override
    public String answer(Codec codec, String offeredFmtp, OptionalInt offeredMaxptime) {
        return Codec.OPUS.matches(codec.toRtpMap()) ? opusAnswer(offeredFmtp, offeredMaxptime).fmtp().format() : "";
    }

    @Override
    public String offer(Codec codec) {
        return Codec.OPUS.matches(codec.toRtpMap()) ? opusAnswer("", OptionalInt.empty()).fmtp().format() : "";
    }

    /** The media engine's codec for what offer/answer settled. */
    VoiceCodec voiceCodec(Negotiation negotiation) {
        Codec codec = negotiation.codec();
        if (Codec.PCMU.equals(codec)) {
            return new VoiceCodec.G711Voice(G711.MU_LAW);
        }
        if (Codec.PCMA.equals(codec)) {
            return new VoiceCodec.G711Voice(G711.A_LAW);
        }
        if (Codec.G722.equals(codec)) {
            return new VoiceCodec.G722Voice();
        }
        if (Codec.OPUS.matches(codec.toRtpMap())) {
            return new VoiceCodec.OpusVoice(opusAnswer(negotiation.peerFmtp(), negotiation.peerMaxptime()));
        }
        throw new IllegalStateException("negotiated a codec the media engine does not run: " + codec);
    }

    private OpusAnswer opusAnswer(String peerFmtp, OptionalInt peerMaxptime) {
        OpusEncoderSettings ours = new OpusEncoderSettings(agentOutputRate, 20, opus.bitrate(), opus.complexity(),
                opus.fec(), opus.packetLoss(), opus.dtx(), false, 48_000);
        return OpusAnswer.negotiate(OpusFmtp.parse(peerFmtp), peerMaxptime, ours, agentInputRate);
    }

    /** The agent's rate where Opus codes it directly; G.711's 8 kHz is one of them too. */
    private static int opusRate(int rate) {
        return OpusEncoderSettings.SAMPLE_RATES.contains(rate) ? rate : 24_000;
    }
}
