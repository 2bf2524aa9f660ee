package dev.switchboard.media.rtcp;

/**
 * One RTCP packet of a compound packet (RFC 3550 §6.1). The packets this server sends and reads are records of
 * their own; any other type (APP, RFC 4585 feedback, RFC 3611 XR, …) decodes as an {@link UnknownPacket} so a
 * compound packet carrying one still parses.
 */
public sealed interface RtcpPacket permits SenderReport, ReceiverReport, SourceDescription, Goodbye, UnknownPacket {

    /** Sender report, §6.4.1. */
    int SR = 200;
    /** Receiver report, §6.4.2. */
    int RR = 201;
    /** Source description, §6.5. */
    int SDES = 202;
    /** Goodbye, §6.6. */
    int BYE = 203;
    /** Application-defined, §6.7. */
    int APP = 204;

    /** The packet type octet (PT), 0–255. */
    int packetType();
}
