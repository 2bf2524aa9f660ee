package dev.switchboard.media.rtcp;

/**
 * A packet of a type this server neither sends nor reads: APP (204), RFC 4585 transport and payload-specific
 * feedback (205, 206), RFC 3611 extended reports (207) or anything newer. It is skipped by its length field, so
 * the rest of the compound packet still decodes. The encoder refuses it: there is no body to write.
 *
 * @param packetType the PT octet
 * @param count      the header's five-bit count field (a feedback message's FMT, an APP packet's subtype)
 * @param length     the packet's size in bytes, header and any padding included
 */
public record UnknownPacket(int packetType, int count, int length) implements RtcpPacket {
}
