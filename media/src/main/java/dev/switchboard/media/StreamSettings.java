package dev.switchboard.media;

import dev.switchboard.media.codec.G711;
import java.net.InetSocketAddress;

/**
 * What offer/answer settled for one call's audio stream.
 *
 * @param remote                    where the caller's SDP said to send RTP; replaced by the address packets
 *                                  actually come from once the first one arrives (symmetric RTP, RFC 4961)
 * @param codec                     the negotiated G.711 law
 * @param payloadType               its RTP payload type
 * @param telephoneEventPayloadType RFC 4733 events' payload type, or -1 when not negotiated
 * @param agentFormat               the audio format on the agent's side
 */
public record StreamSettings(
        InetSocketAddress remote, G711 codec, int payloadType, int telephoneEventPayloadType,
        MediaFormat agentFormat) {}
