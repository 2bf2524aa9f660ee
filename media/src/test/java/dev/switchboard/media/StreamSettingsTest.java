package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.MediaFormat.Encoding;
import dev.switchboard.media.codec.G711;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class StreamSettingsTest {

    private static final InetSocketAddress REMOTE = new InetSocketAddress("192.0.2.10", 40_000);
    private static final MediaFormat PCM16_16K = new MediaFormat(Encoding.PCM16_LE, 16_000);

    @Test
    void oneFormatServesBothDirectionsWithoutLocalDetection() {
        StreamSettings settings = new StreamSettings(REMOTE, G711.MU_LAW, 0, 101, MediaFormat.PCM16_24K);

        assertEquals(MediaFormat.PCM16_24K, settings.agentInput());
        assertEquals(MediaFormat.PCM16_24K, settings.agentOutput());
        assertFalse(settings.localVad());
    }

    @Test
    void separateFormatsDefaultToNoLocalDetection() {
        StreamSettings settings = new StreamSettings(REMOTE, G711.MU_LAW, 0, 101, PCM16_16K, MediaFormat.PCM16_24K);

        assertEquals(PCM16_16K, settings.agentInput());
        assertEquals(MediaFormat.PCM16_24K, settings.agentOutput());
        assertFalse(settings.localVad());
        assertTrue(new StreamSettings(REMOTE, G711.MU_LAW, 0, 101, PCM16_16K, MediaFormat.PCM16_24K, true).localVad());
    }

    @Test
    void payloadTypesOutsideRtpsSevenBitsAreRejectedWithTheValue() {
        IllegalArgumentException audio = assertThrows(IllegalArgumentException.class,
                () -> new StreamSettings(REMOTE, G711.MU_LAW, 128, 101, MediaFormat.PCM16_24K));
        IllegalArgumentException events = assertThrows(IllegalArgumentException.class,
                () -> new StreamSettings(REMOTE, G711.MU_LAW, 0, -2, MediaFormat.PCM16_24K));

        assertTrue(audio.getMessage().contains("128"), audio.getMessage());
        assertTrue(events.getMessage().contains("-2"), events.getMessage());
        assertEquals(-1, new StreamSettings(REMOTE, G711.MU_LAW, 0, -1, MediaFormat.PCM16_24K)
                .telephoneEventPayloadType(), "-1: no telephone-events");
    }

    @Test
    void missingPartsAreNamed() {
        NullPointerException missing = assertThrows(NullPointerException.class,
                () -> new StreamSettings(REMOTE, G711.MU_LAW, 0, 101, PCM16_16K, null));

        assertEquals("agentOutput", missing.getMessage());
    }
}
