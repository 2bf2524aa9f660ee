package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed body is refused with a message that names the line and the fault. */
class SdpParserErrorTest {

    private static final String HEAD = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n";
    /** Lines 1-6: a minimal valid offer. */
    private static final String MINIMAL = HEAD + "m=audio 4000 RTP/AVP 0\n";

    /** Version line, required lines, line syntax and characters. */
    static Stream<Arguments> structure() {
        return Stream.of(
                Arguments.of("o=- 1 1 IN IP4 192.0.2.1\nv=0\n",
                        "line 1: SDP must start with v=0, found 'o=- 1 1 IN IP4 192.0.2.1'"),
                Arguments.of(MINIMAL.replace("v=0", "v=1"), "line 1: unsupported SDP version 'v=1', expected v=0"),
                Arguments.of(MINIMAL + "v=0\n", "line 7: second v= line"),
                Arguments.of(MINIMAL.replace("s=-", "hello"), "line 3: expected <type>=<value>, found 'hello'"),
                Arguments.of(MINIMAL + "x-custom=1\n", "line 7: expected <type>=<value>, found 'x-custom=1'"),
                Arguments.of(MINIMAL.replace("s=-", "s=\u0001"), "line 3: control character 0x01 at column 3"),
                Arguments.of("v=0\ro=- 1 1 IN IP4 192.0.2.1\r", "line 1: control character 0x0d at column 4"));
    }

    /** c= lines: only IN IP4 dotted quads and IN IP6 literals. */
    static Stream<Arguments> connectionLines() {
        return Stream.of(
                Arguments.of(MINIMAL.replace("c=IN IP4 192.0.2.1\n", ""),
                        "media section 1 (audio) has no c= line and there is no session-level c= line"),
                Arguments.of(connection("IN IP4 999.1.1.1"), "line 4: c= line has bad IPv4 address '999.1.1.1'"),
                Arguments.of(connection("IN IP4 192.0.2"), "line 4: c= line has bad IPv4 address '192.0.2'"),
                Arguments.of(connection("IN IP4 pbx.example.com"),
                        "line 4: c= line has bad IPv4 address 'pbx.example.com'"),
                Arguments.of(connection("IN IP4 224.2.1.1/127"),
                        "line 4: c= line has bad IPv4 address '224.2.1.1/127'"),
                Arguments.of(connection("IN IP6 2001:db8:::1"), "line 4: c= line has bad IPv6 address '2001:db8:::1'"),
                Arguments.of(connection("IN IP6 192.0.2.1"), "line 4: c= line has bad IPv6 address '192.0.2.1'"),
                Arguments.of(connection("IN IP5 192.0.2.1"),
                        "line 4: c= line has unsupported address type 'IP5', expected IP4 or IP6"),
                Arguments.of(connection("ATM NSAP 47.0005"),
                        "line 4: c= line has unsupported network type 'ATM', expected IN"),
                Arguments.of(connection("IN IP4"),
                        "line 4: c= line needs 3 fields (nettype addrtype address), found 2"),
                Arguments.of(MINIMAL.replace("t=0 0", "c=IN IP4 192.0.2.2"), "line 5: second session-level c= line"),
                Arguments.of(MINIMAL + "c=IN IP4 192.0.2.2\nc=IN IP4 192.0.2.3\n",
                        "line 8: second c= line in media section 1"));
    }

    /** o= and s= lines. */
    static Stream<Arguments> originAndSessionLines() {
        return Stream.of(
                Arguments.of(MINIMAL.replace("o=- 1 1 IN IP4 192.0.2.1\n", ""), "missing o= line"),
                Arguments.of(MINIMAL.replace("o=- 1 1 IN IP4 192.0.2.1", "o=- 1 1 IN"),
                        "line 2: o= line needs 6 fields (username sess-id sess-version nettype addrtype address), "
                                + "found 4"),
                Arguments.of(MINIMAL.replace("o=- 1 1", "o=- x1 1"), "line 2: o= line has non-numeric session id 'x1'"),
                Arguments.of(MINIMAL.replace("o=- 1 1", "o=- 1 v2"),
                        "line 2: o= line has non-numeric session version 'v2'"),
                Arguments.of(MINIMAL.replace("s=-", "o=- 2 2 IN IP4 192.0.2.1"), "line 3: second o= line"),
                Arguments.of(MINIMAL + "o=- 2 2 IN IP4 192.0.2.1\n",
                        "line 7: o= line inside media section 1; it belongs before the first m= line"),
                Arguments.of(MINIMAL.replace("s=-\n", "s=-\ns=again\n"), "line 4: second s= line"));
    }

    /** m= lines: fields, port and port count. */
    static Stream<Arguments> mediaLines() {
        return Stream.of(
                Arguments.of(HEAD, "missing m= line: the description has no media stream"),
                Arguments.of(HEAD + "m=audio abc RTP/AVP 0\n", "line 6: m= line has non-numeric port 'abc'"),
                Arguments.of(HEAD + "m=audio -1 RTP/AVP 0\n", "line 6: m= line has non-numeric port '-1'"),
                Arguments.of(HEAD + "m=audio 70000 RTP/AVP 0\n",
                        "line 6: m= line has port '70000' out of range 0-65535"),
                Arguments.of(HEAD + "m=audio 4000/x RTP/AVP 0\n", "line 6: m= line has non-numeric port count 'x'"),
                Arguments.of(HEAD + "m=audio 4000/0 RTP/AVP 0\n", "line 6: m= line has port count 0"),
                Arguments.of(HEAD + "m=audio 4000 RTP/AVP\n",
                        "line 6: m= line needs at least 4 fields (media port proto fmt...), found 3"));
    }

    /** The attributes we interpret: rtpmap, fmtp, ptime and direction. */
    static Stream<Arguments> attributes() {
        return Stream.of(
                Arguments.of(MINIMAL + "a=rtpmap:0 PCMU\n", "line 7: malformed rtpmap '0 PCMU' "
                        + "(expected <payload type> <encoding>/<clock rate>[/<channels>])"),
                Arguments.of(MINIMAL + "a=rtpmap:200 X/8000\n", "line 7: malformed rtpmap '200 X/8000' "
                        + "(expected <payload type> <encoding>/<clock rate>[/<channels>])"),
                Arguments.of(MINIMAL + "a=rtpmap:0 PCMU/fast\n", "line 7: malformed rtpmap '0 PCMU/fast' "
                        + "(expected <payload type> <encoding>/<clock rate>[/<channels>])"),
                Arguments.of(MINIMAL + "a=rtpmap:0\n", "line 7: malformed rtpmap '0' "
                        + "(expected <payload type> <encoding>/<clock rate>[/<channels>])"),
                Arguments.of(MINIMAL + "a=rtpmap:0 PCMU/8000\na=rtpmap:0 PCMA/8000\n",
                        "line 8: second rtpmap for payload type 0 in media section 1"),
                Arguments.of(MINIMAL + "a=fmtp:101 0-15\na=fmtp:101 0-16\n",
                        "line 8: second fmtp for payload type 101 in media section 1"),
                Arguments.of(MINIMAL + "a=ptime:abc\n",
                        "line 7: malformed ptime 'abc' (expected a positive number of milliseconds)"),
                Arguments.of(MINIMAL + "a=ptime:0\n",
                        "line 7: malformed ptime '0' (expected a positive number of milliseconds)"),
                Arguments.of(MINIMAL + "a=ptime:20\na=ptime:30\n", "line 8: second ptime in media section 1"),
                Arguments.of(MINIMAL + "a=sendonly\na=recvonly\n",
                        "line 8: second direction attribute 'recvonly' in media section 1"),
                Arguments.of(MINIMAL.replace("t=0 0", "a=sendonly\na=inactive"),
                        "line 6: second session-level direction attribute 'inactive'"));
    }

    @ParameterizedTest
    @MethodSource({"structure", "connectionLines", "originAndSessionLines", "mediaLines", "attributes"})
    void rejectsWithPreciseMessage(String sdp, String expectedMessage) {
        SdpException thrown = assertThrows(SdpException.class, () -> SdpParser.parse(sdp));

        assertEquals(expectedMessage, thrown.getMessage());
    }

    @Test
    void rejectsOversizedBody() {
        String huge = MINIMAL + "a=x-padding:" + "x".repeat(SdpParser.MAX_LENGTH) + "\n";

        SdpException thrown = assertThrows(SdpException.class, () -> SdpParser.parse(huge));

        assertEquals("SDP body is " + huge.length() + " characters, more than the 65536 allowed",
                thrown.getMessage());
    }

    @Test
    void rejectsTooManyMediaLines() {
        String sdp = HEAD + "m=audio 4000 RTP/AVP 0\n".repeat(SdpParser.MAX_MEDIA + 1);

        SdpException thrown = assertThrows(SdpException.class, () -> SdpParser.parse(sdp));

        assertEquals("line " + (5 + SdpParser.MAX_MEDIA + 1) + ": more than 64 m= lines", thrown.getMessage());
    }

    @Test
    void rejectsTooManyFormats() {
        String sdp = HEAD + "m=audio 4000 RTP/AVP" + " 0".repeat(SdpParser.MAX_FORMATS + 1) + "\n";

        SdpException thrown = assertThrows(SdpException.class, () -> SdpParser.parse(sdp));

        assertEquals("line 6: m= line lists 257 formats, more than the 256 allowed", thrown.getMessage());
    }

    @Test
    void acceptsExactlyTheFormatLimit() {
        String sdp = HEAD + "m=audio 4000 RTP/AVP" + " 0".repeat(SdpParser.MAX_FORMATS) + "\n";

        assertEquals(SdpParser.MAX_FORMATS, SdpParser.parse(sdp).media().get(0).formats().size());
    }

    @Test
    void quotesOnlyAShortExcerptOfHostileInput() {
        String sdp = MINIMAL.replace("s=-", "garbage" + "A".repeat(10_000));

        String message = assertThrows(SdpException.class, () -> SdpParser.parse(sdp)).getMessage();

        assertTrue(message.startsWith("line 3: expected <type>=<value>, found 'garbageAAA"), message);
        assertTrue(message.endsWith("...'") && message.length() < 120, message);
    }

    private static String connection(String value) {
        return MINIMAL.replace("c=IN IP4 192.0.2.1", "c=" + value);
    }
}
