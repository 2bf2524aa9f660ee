package dev.switchboard.sip.call;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The codec policy of each call, by the address its INVITE came from: the first trunk whose addresses hold it,
 * else the server's own.
 */
public final class CodecPolicies {

    /** A trunk's policy and which source addresses are that trunk. */
    public record Trunk(String name, Predicate<InetAddress> matches, CodecPolicy policy) {}

    private final CodecPolicy defaults;
    private final List<Trunk> trunks;

    public CodecPolicies(CodecPolicy defaults, List<Trunk> trunks) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.trunks = List.copyOf(trunks);
    }

    /** The server's policy for every call. */
    public static CodecPolicies only(CodecPolicy defaults) {
        return new CodecPolicies(defaults, List.of());
    }

    /** The policy for a call from {@code source}; the server's when the source is unknown or no trunk's. */
    public CodecPolicy forSource(InetAddress source) {
        if (source != null) {
            for (Trunk trunk : trunks) {
                if (trunk.matches().test(source)) {
                    return trunk.policy();
                }
            }
        }
        return defaults;
    }
}
