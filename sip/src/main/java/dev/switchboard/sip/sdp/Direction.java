package dev.switchboard.sip.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * The media direction attribute of RFC 8866 §6.7 ({@code a=sendrecv}, {@code a=sendonly}, {@code a=recvonly},
 * {@code a=inactive}), always from the point of view of the party that wrote the description.
 */
public enum Direction {
    SENDRECV,
    SENDONLY,
    RECVONLY,
    INACTIVE;

    /**
     * The direction an answerer puts in its answer for a stream offered with this direction (RFC 3264 §6.1):
     * what the offerer sends the answerer receives, so send and receive swap; sendrecv and inactive stay.
     */
    public Direction reverse() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            case SENDRECV, INACTIVE -> this;
        };
    }

    /** The attribute name as written after {@code a=}, e.g. {@code "sendrecv"}. */
    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The direction named by an attribute line's name (case-sensitive, as RFC 8866 defines it), if it is one. */
    public static Optional<Direction> fromAttribute(String attribute) {
        for (Direction direction : values()) {
            if (direction.attribute().equals(attribute)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
