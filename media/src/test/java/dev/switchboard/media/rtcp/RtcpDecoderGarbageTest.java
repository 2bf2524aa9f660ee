package dev.switchboard.media.rtcp;

import static dev.switchboard.media.rtcp.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Malformed datagrams end in an {@link RtcpFormatException} that says what was wrong, and in nothing else: any
 * other exception escaping {@code decode} fails these tests, as would a loop that does not end.
 */
class RtcpDecoderGarbageTest {

    private static final String RR = "80 c9 00 01  00 00 00 01";
    /** SR with a block, SDES, APP and BYE with a reason: every parser path. */
    private static final byte[] VALID_COMPOUND = bytes(RtcpDecoderTest.SENDER_REPORT + RtcpDecoderTest.SDES_USER
            + "82 cc 00 02  11 22 33 44  54 45 53 54" + "81 cb 00 03  11 22 33 44  07 68 75 6e  67 20 75 70");
    private static final Duration LOOP_LIMIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty datagram                  |                                   | empty datagram
            one byte                        | 80                                | 1 trailing bytes, too few for an RTCP header
            version 1                       | 41 c9 00 01  00 00 00 01          | version 1, expected 2
            version 0 (e.g. STUN)           | 00 01 00 00  21 12 a4 42          | version 0, expected 2
            length beyond the datagram      | 81 c9 00 07  00 00 00 01          | declares 32 bytes but only 8 remain
            header-only report              | 80 c9 00 00                       | too short for SSRC
            RTP (PCMU) rather than RTCP     | 80 00 00 01  00 00 00 01          | type 0 is not an RTCP type
            RTP with the marker bit         | 80 e5 00 01  00 00 00 01          | type 229 is not an RTCP type
            report block beyond length      | 81 c9 00 01  00 00 00 01          | too short for 1 report blocks: needs 24 more bytes, has 0
            sender info beyond length       | 80 c8 00 03  00 00 00 01  00 00 00 00  00 00 00 00 | too short for sender info
            three stray bytes after a packet| 80 c9 00 01  00 00 00 01  80 c9 00 | packet 1 of the compound: 3 trailing bytes
            padding on the first of two     | a0 c9 00 01  00 00 00 01  80 cb 00 00 | padding bit set on a packet that is not the last
            padding count zero              | a0 c9 00 02  00 00 00 01  00 00 00 00 | padding count 0 does not fit
            padding longer than the body    | a0 c9 00 02  00 00 00 01  00 00 00 09 | padding count 9 does not fit a body of 8 bytes
            padding into the SSRC           | a0 c9 00 01  00 00 00 01          | too short for SSRC
            SDES chunk without its SSRC     | 80 c9 00 01  00 00 00 01  82 ca 00 02  00 00 00 01  00 00 00 00 | too short for SDES chunk 1 SSRC
            SDES item beyond the packet     | 80 c9 00 01  00 00 00 01  81 ca 00 02  00 00 00 01  01 09 61 62 | too short for SDES item 1
            SDES item list not ended        | 80 c9 00 01  00 00 00 01  81 ca 00 02  00 00 00 01  01 02 61 62 | too short for SDES item type
            BYE counting more SSRCs         | 80 c9 00 01  00 00 00 01  82 cb 00 01  00 00 00 01 | too short for 2 BYE SSRCs
            BYE reason beyond the packet    | 80 c9 00 01  00 00 00 01  81 cb 00 02  00 00 00 01  08 61 62 63 | too short for BYE reason
            """)
    void rejectsWithAMessageSayingWhatWasWrong(String what, String hex, String message) {
        byte[] datagram = hex == null ? new byte[0] : bytes(hex);

        RtcpFormatException error = assertThrows(RtcpFormatException.class, () -> RtcpDecoder.decode(datagram));
        assertTrue(error.getMessage().contains(message), what + ": " + error.getMessage());
    }

    @Test
    void survivesRandomBytes() {
        SplittableRandom random = new SplittableRandom(3550);
        assertTimeoutPreemptively(LOOP_LIMIT, () -> {
            for (int i = 0; i < 200_000; i++) {
                byte[] datagram = new byte[random.nextInt(120)];
                random.nextBytes(datagram);
                if (datagram.length >= 2 && random.nextBoolean()) {
                    // Half pass the version and first-type checks, to reach the body parsers.
                    datagram[0] = (byte) (0x80 | datagram[0] & 0x3F);
                    datagram[1] = (byte) (200 + random.nextInt(8));
                }
                decodeOrReject(datagram);
            }
        });
    }

    @Test
    void rejectsEveryTruncationOfAValidCompound() throws RtcpFormatException {
        assertEquals(4, RtcpDecoder.decode(VALID_COMPOUND).size());
        int[] packetEnds = {52, 68, 80, 96};
        for (int length = 0; length < VALID_COMPOUND.length; length++) {
            byte[] truncated = Arrays.copyOf(VALID_COMPOUND, length);
            if (Arrays.binarySearch(packetEnds, length) < 0) {
                assertThrows(RtcpFormatException.class, () -> RtcpDecoder.decode(truncated), "length " + length);
            } else {
                assertEquals(Arrays.binarySearch(packetEnds, length) + 1, RtcpDecoder.decode(truncated).size());
            }
        }
    }

    @Test
    void survivesEverySingleBitFlipAndRandomByteChanges() {
        SplittableRandom random = new SplittableRandom(5761);
        assertTimeoutPreemptively(LOOP_LIMIT, () -> {
            for (int bit = 0; bit < VALID_COMPOUND.length * 8; bit++) {
                byte[] flipped = VALID_COMPOUND.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                decodeOrReject(flipped);
            }
            for (int i = 0; i < 100_000; i++) {
                byte[] mutated = VALID_COMPOUND.clone();
                for (int changes = 1 + random.nextInt(4); changes > 0; changes--) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
                decodeOrReject(Arrays.copyOf(mutated, random.nextInt(mutated.length + 1)));
            }
        });
    }

    @Test
    void rejectsAReceiverReportThatIsAllPadding() {
        // P set on the only packet, padding count 4 leaves no room for the SSRC.
        assertThrows(RtcpFormatException.class, () -> RtcpDecoder.decode(bytes("a0 c9 00 01  00 00 00 04")));
    }

    @Test
    void acceptsTheSmallestValidCompound() throws RtcpFormatException {
        assertEquals(List.of(new ReceiverReport(1, List.of())), RtcpDecoder.decode(bytes(RR)));
    }

    /** Decodes or throws the declared error; anything else propagates and fails the test. */
    private static void decodeOrReject(byte[] datagram) {
        try {
            List<RtcpPacket> packets = RtcpDecoder.decode(datagram);
            assertTrue(!packets.isEmpty(), "a decoded compound has at least one packet");
        } catch (RtcpFormatException expected) {
            assertTrue(!expected.getMessage().isBlank(), "error without a message");
        }
    }
}
