package dev.switchboard.media.rtcp;

import java.util.HexFormat;

/** Byte vectors written as hex, spaces and line breaks allowed, for packets laid out field by field. */
final class Hex {

    private Hex() {}

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
