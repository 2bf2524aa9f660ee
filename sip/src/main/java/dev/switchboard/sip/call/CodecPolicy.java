package dev.switchboard.sip.call;

import dev.switchboard.sip.sdp.Codec;
import dev.switchboard.sip.sdp.Preference;
import java.util.List;
import java.util.Objects;

/**
 * Which codecs a call may use and whose order picks among them: the server's {@code media.codecs}, or a trunk's
 * own list for calls from its addresses.
 *
 * @param codecs     the voice codecs accepted, in our order of preference (comfort noise may ride along)
 * @param preference whether the offer's order or ours decides
 */
public record CodecPolicy(List<Codec> codecs, Preference preference) {

    public CodecPolicy {
        codecs = List.copyOf(codecs);
        Objects.requireNonNull(preference, "preference");
    }
}
