package dev.switchboard.sip.server;

import dev.switchboard.config.CodecPreference;
import dev.switchboard.config.MediaConfig;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.TrunkConfig;
import dev.switchboard.media.MediaTuning;
import dev.switchboard.media.codec.opus.OpusLibrary;
import dev.switchboard.sip.call.CodecPolicies;
import dev.switchboard.sip.call.CodecPolicy;
import dev.switchboard.sip.sdp.Codec;
import dev.switchboard.sip.sdp.Preference;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code media:} and {@code trunks:} configuration in the terms the SIP and media code use: codec policies per
 * trunk, and the media engine's tuning. Opus is offered only where its native library loads.
 */
final class MediaSettings {

    private static final Logger log = LoggerFactory.getLogger(MediaSettings.class);

    private MediaSettings() {}

    static MediaTuning tuning(MediaConfig media) {
        return new MediaTuning(media.jitterBuffer().min(), media.jitterBuffer().max(), media.rtcpInterval(),
                media.inactivityTimeout());
    }

    static CodecPolicies codecPolicies(SwitchboardConfig config) {
        boolean opus = opusUsable(config);
        MediaConfig media = config.media();
        CodecPolicy defaults = policy(media.codecs(), media.codecPreference(), opus);
        List<CodecPolicies.Trunk> trunks = new ArrayList<>();
        config.trunks().forEach((name, trunk) -> trunks.add(new CodecPolicies.Trunk(name, trunk::matches,
                policy(trunk.codecs(), trunk.codecPreference(), opus))));
        return new CodecPolicies(defaults, trunks);
    }

    /** The codecs in order, with comfort noise (RFC 3389) accepted beside them: we receive it, never send it. */
    private static CodecPolicy policy(List<String> names, CodecPreference preference, boolean opus) {
        List<Codec> codecs = new ArrayList<>();
        for (String name : names) {
            switch (name) {
                case "pcmu" -> codecs.add(Codec.PCMU);
                case "pcma" -> codecs.add(Codec.PCMA);
                case "g722" -> codecs.add(Codec.G722);
                case "opus" -> {
                    if (opus) {
                        codecs.add(Codec.OPUS);
                    }
                }
                default -> throw new IllegalStateException("unknown codec " + name);
            }
        }
        codecs.add(Codec.COMFORT_NOISE);
        return new CodecPolicy(codecs, preference == CodecPreference.OURS ? Preference.OURS : Preference.OFFER);
    }

    private static boolean opusUsable(SwitchboardConfig config) {
        boolean wanted = config.media().codecs().contains("opus")
                || config.trunks().values().stream().map(TrunkConfig::codecs).anyMatch(c -> c.contains("opus"));
        if (wanted && !OpusLibrary.isAvailable()) {
            log.warn("Opus is configured but its native library does not load ({}); calls will not use Opus",
                    OpusLibrary.unavailableReason().orElse("unknown reason"));
            return false;
        }
        return wanted;
    }
}
