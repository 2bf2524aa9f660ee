package dev.switchboard.sip.call;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.Capabilities;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.config.AudioMode;
import dev.switchboard.sip.sdp.Codec;

/**
 * Picks the audio formats of a call's agent session. A G.711 call passes its RTP payloads straight through to a
 * provider that speaks the same law (no decode, no resample, no loss; realtime-protocols §8); otherwise the
 * provider gets the PCM rate it takes (24 kHz for OpenAI, 16 kHz for Gemini) and speaks 24 kHz.
 */
final class AgentFormats {

    private AgentFormats() {}

    /**
     * @param callCodec the codec the call will use, or {@code null} when not known yet (a delayed offer)
     */
    static SessionConfig choose(SessionConfig session, Capabilities provider, Codec callCodec, AudioMode mode) {
        AudioFormat law = Codec.PCMU.equals(callCodec) ? AudioFormat.PCMU
                : Codec.PCMA.equals(callCodec) ? AudioFormat.PCMA : null;
        if (mode == AudioMode.AUTO && law != null && provider.speaks(law)) {
            return session.withFormats(law, law);
        }
        return session.withFormats(pcm(provider.inputFormats()), pcm(provider.outputFormats()));
    }

    private static AudioFormat pcm(java.util.Set<AudioFormat> offered) {
        if (offered.contains(AudioFormat.PCM16_24K)) {
            return AudioFormat.PCM16_24K;
        }
        return offered.stream().filter(f -> f.encoding() == AudioFormat.Encoding.PCM16)
                .max(java.util.Comparator.comparingInt(AudioFormat::sampleRate))
                .orElseThrow(() -> new IllegalStateException("the provider takes no PCM format: " + offered));
    }
}
