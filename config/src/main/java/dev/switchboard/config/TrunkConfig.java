package dev.switchboard.config;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * One entry under {@code trunks:}: a SIP peer such as a carrier or a PBX, recognised by the source
 * address of its requests, with codec settings of its own.
 *
 * @param addresses       the addresses and blocks the peer sends from; at least one, in file order
 * @param codecs          codecs allowed on its calls, a non-empty subset of {@link MediaConfig#CODECS} in our
 *                        order of preference; defaults to {@code media.codecs}
 * @param codecPreference whose order picks the codec on its calls; defaults to {@code media.codec_preference}
 */
public record TrunkConfig(List<AddressBlock> addresses, List<String> codecs, CodecPreference codecPreference) {

    public TrunkConfig {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a trunk needs at least one address");
        }
        codecs = List.copyOf(codecs);
        Objects.requireNonNull(codecPreference, "codecPreference");
    }

    /** Whether {@code source} is in one of this trunk's {@link #addresses()}. */
    public boolean matches(InetAddress source) {
        return addresses.stream().anyMatch(block -> block.contains(source));
    }
}
