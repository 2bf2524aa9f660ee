package dev.switchboard.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds {@code trunks:}. A trunk's codec settings default to those of {@code media:}. Blocks of two
 * trunks may overlap, e.g. a carrier's /24 and one of its gateways declared as a trunk of its own: the
 * first trunk declared wins, and since that is easy to get backwards, each overlap is a warning.
 */
final class TrunkSections {

    static final List<String> TRUNK_KEYS = List.of("addresses", "codecs", "codec_preference");

    /** A block some trunk declared, and where. */
    private record Claim(String trunk, AddressBlock block, YamlNode at) {
    }

    private TrunkSections() {
    }

    static Map<String, TrunkConfig> trunks(MapView top, MediaConfig media) {
        Map<String, TrunkConfig> trunks = new LinkedHashMap<>();
        List<Claim> claims = new ArrayList<>();
        top.names("trunks").forEach((name, node) -> {
            MapView t = top.entry(node, TRUNK_KEYS);
            List<AddressBlock> addresses = addresses(t, name, claims);
            List<String> codecs = t.choices("codecs", "codec", MediaConfig.CODECS, media.codecs());
            CodecPreference preference = MediaSections.codecPreference(t, media.codecPreference());
            if (!addresses.isEmpty()) {
                trunks.put(name, new TrunkConfig(addresses, codecs, preference));
            }
        });
        return trunks;
    }

    /** The trunk's valid blocks, each also added to {@code claims}; empty after reporting why there are none. */
    private static List<AddressBlock> addresses(MapView t, String trunk, List<Claim> claims) {
        if (!t.require("addresses", " (the addresses or CIDR blocks the trunk sends from, e.g. [203.0.113.0/24])")) {
            return List.of();
        }
        List<YamlNode.Scalar> items = t.scalars("addresses");
        if (t.node("addresses") instanceof YamlNode.Sequence list && list.items().isEmpty()) {
            t.problems().report(list, "needs at least one address or CIDR block, e.g. 203.0.113.0/24");
        }
        List<AddressBlock> blocks = new ArrayList<>();
        for (YamlNode.Scalar item : items == null ? List.<YamlNode.Scalar>of() : items) {
            AddressBlock block = block(t, item);
            if (block != null && blocks.contains(block)) {
                t.problems().report(item, "address " + block + " is listed twice");
            } else if (block != null) {
                Claim claim = new Claim(trunk, block, item);
                warnOfOverlap(t, claim, claims);
                claims.add(claim);
                blocks.add(block);
            }
        }
        return blocks;
    }

    /** The block {@code item} holds; null after reporting when it is empty or invalid. */
    private static AddressBlock block(MapView t, YamlNode.Scalar item) {
        if (item.text().isBlank()) {
            t.problems().report(item, "must not be empty (expected " + AddressBlock.EXPECTED + ")");
            return null;
        }
        return t.parse(item, null, AddressBlock.EXPECTED, AddressBlock::parse);
    }

    /** Warns when {@code claim} overlaps a block of an earlier trunk, which then wins the overlap. */
    private static void warnOfOverlap(MapView t, Claim claim, List<Claim> claims) {
        claims.stream()
                .filter(earlier -> !earlier.trunk().equals(claim.trunk()) && earlier.block().overlaps(claim.block()))
                .findFirst()
                .ifPresent(earlier -> t.problems().warn(claim.at(), claim.block() + " overlaps " + earlier.block()
                        + " of trunk '" + earlier.trunk() + "' (line " + earlier.at().line() + "); requests from "
                        + "addresses in both go to '" + earlier.trunk() + "', the trunk declared first"));
    }
}
