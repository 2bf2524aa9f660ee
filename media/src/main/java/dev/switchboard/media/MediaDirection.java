package dev.switchboard.media;

/**
 * Which way audio flows, from our side, as offer/answer settled it (RFC 3264 §5.1, §8.4). A caller who puts us on
 * hold offers {@code sendonly} or {@code inactive}, and our answer makes it {@link #RECVONLY} or
 * {@link #INACTIVE} for us.
 */
public enum MediaDirection {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** Whether we send audio. */
    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    /** Whether the call is on hold one way or the other: anything but audio both ways. */
    public boolean held() {
        return this != SENDRECV;
    }
}
