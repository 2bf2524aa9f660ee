package dev.switchboard.media.pcap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The packet captures tests replay, by name. SIPp's recordings come with Debian's {@code sip-tester} package
 * ({@code apt-get install sip-tester}); a test that needs one fails, rather than skips, when it is missing.
 */
public final class Pcaps {

    /** Where Debian's sip-tester package installs SIPp's captures. */
    public static final Path SIPP_DIR = Path.of("/usr/share/sip-tester");
    /** The payload type of SIPp's telephone-events. */
    public static final int SIPP_TELEPHONE_EVENT_PT = 101;

    private Pcaps() {}

    /**
     * SIPp's RFC 2833 recordings of one key press each, by key: seven updates and the final report three times,
     * on payload type 101, marker bit on the first packet. Ordered 0–9, *, #.
     */
    public static Map<Character, Path> sippDtmf() {
        Map<Character, Path> files = new LinkedHashMap<>();
        for (char key = '0'; key <= '9'; key++) {
            files.put(key, sipp("dtmf_2833_" + key + ".pcap"));
        }
        files.put('*', sipp("dtmf_2833_star.pcap"));
        files.put('#', sipp("dtmf_2833_pound.pcap"));
        return files;
    }

    private static Path sipp(String name) {
        Path file = SIPP_DIR.resolve(name);
        assertTrue(Files.isReadable(file), file + " is missing: apt-get install sip-tester");
        return file;
    }
}
