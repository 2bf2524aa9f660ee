package dev.switchboard.media.codec.opus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The audio packets of an Ogg Opus file with one logical stream (RFC 7845): just enough of an Ogg demuxer
 * (RFC 3533 §6) to feed another encoder's packets to our decoder. CRCs are not checked.
 *
 * @param preSkip samples at 48 kHz the decoder's output starts with that are not audio (RFC 7845 §5.1)
 * @param packets the audio data packets, after the ID and comment headers
 */
record OggOpusPackets(int preSkip, List<byte[]> packets) {

    private static final int PAGE_HEADER_BYTES = 27;

    static OggOpusPackets read(byte[] file) {
        List<byte[]> all = new ArrayList<>();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        int page = 0;
        while (page < file.length) {
            if (!"OggS".equals(new String(file, page, 4, StandardCharsets.US_ASCII))) {
                throw new IllegalArgumentException("no Ogg page at byte " + page);
            }
            int segments = file[page + 26] & 0xFF;
            int data = page + PAGE_HEADER_BYTES + segments;
            for (int s = 0; s < segments; s++) {
                int lacing = file[page + PAGE_HEADER_BYTES + s] & 0xFF;
                packet.write(file, data, lacing);
                data += lacing;
                if (lacing < 255) {
                    all.add(packet.toByteArray());
                    packet.reset();
                }
            }
            page = data;
        }
        byte[] head = all.get(0);
        if (!"OpusHead".equals(new String(head, 0, 8, StandardCharsets.US_ASCII)) || head[9] != 1) {
            throw new IllegalArgumentException("not a mono Ogg Opus stream");
        }
        int preSkip = (head[10] & 0xFF) | (head[11] & 0xFF) << 8;
        return new OggOpusPackets(preSkip, List.copyOf(all.subList(2, all.size())));
    }
}
