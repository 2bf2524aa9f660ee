package dev.switchboard.media;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Symmetric RTP (RFC 4961): where the caller's media really is. Replies go to the address the caller's packets
 * actually come from, which behind a NAT differs from the SDP. The first valid packet latches that address; a
 * different source is only accepted after the latched one has been silent for {@link #RELATCH_AFTER_NANOS}, so a
 * stray or injected stream cannot take over a live call.
 *
 * <p>Threading: confined to the call's event loop.
 */
final class RemoteLatch {

    private static final Logger log = LoggerFactory.getLogger(RemoteLatch.class);
    static final long RELATCH_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final String name;
    private InetSocketAddress sdpRemote;
    private InetSocketAddress remote;
    private boolean latched;
    private long lastPacketNanos;
    private long foreign;

    RemoteLatch(String name, InetSocketAddress sdpRemote) {
        this.name = name;
        this.sdpRemote = sdpRemote;
        this.remote = sdpRemote;
    }

    /**
     * A valid packet from {@code source} at {@code nowNanos}: whether it belongs to the call. A source other than
     * the latched one is counted as foreign and refused, unless the latched one has gone quiet.
     */
    boolean accept(InetSocketAddress source, long nowNanos) {
        if (!source.equals(remote)) {
            if (latched && nowNanos - lastPacketNanos <= RELATCH_AFTER_NANOS) {
                foreign++;
                return false;
            }
            log.info("{}: sending RTP to {} (packets come from there; SDP said {})", name, source, sdpRemote);
            remote = source;
        }
        latched = true;
        lastPacketNanos = nowNanos;
        return true;
    }

    /** A re-offer moved the caller's media: send to the new SDP address and latch afresh. */
    void retarget(InetSocketAddress newSdpRemote) {
        sdpRemote = newSdpRemote;
        remote = newSdpRemote;
        latched = false;
    }

    /** Keeps the latch from expiring: a hold ended, and the caller's packets may take a moment to resume. */
    void touch(long nowNanos) {
        lastPacketNanos = nowNanos;
    }

    InetSocketAddress remote() {
        return remote;
    }

    /** When the caller's last accepted packet arrived (or the latch was last touched); 0 before any. */
    long lastPacketNanos() {
        return lastPacketNanos;
    }

    /** Packets from other addresses, refused. */
    long foreign() {
        return foreign;
    }
}
