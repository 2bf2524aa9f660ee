package dev.switchboard.media;

import dev.switchboard.media.audio.CallerStream;
import dev.switchboard.media.dtmf.DtmfDetector;
import dev.switchboard.media.dtmf.TelephoneEvent;
import dev.switchboard.media.rtcp.RtcpSession;
import dev.switchboard.media.rtp.RtpHeader;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP arriving for one call: each datagram is checked (a valid RTP header, a payload type offer/answer gave
 * this stream, a well-formed telephone-event) and its source against the {@link RemoteLatch}; voice and comfort
 * noise go to the caller's stream (jitter buffer), key presses to the listener, and RTCP counts both. Anything
 * else is dropped and counted, with one log line per call.
 *
 * <p>Threading: confined to the call's event loop.
 */
final class RtpReceiver {

    private static final Logger log = LoggerFactory.getLogger(RtpReceiver.class);
    static final int MAX_PAYLOAD = 1500;

    private final String name;
    private final StreamSettings settings;
    private final RemoteLatch latch;
    private final RtcpSession rtcp;
    private final CallerStream callerStream;
    private final MediaSessionListener listener;
    private final Runnable onRemoteMoved;
    private final DtmfDetector dtmfIn = new DtmfDetector();
    private final byte[] payload = new byte[MAX_PAYLOAD];
    private long received;
    private long malformed;
    private long dtmfReceived;

    /** @param onRemoteMoved runs when the latch moved to a new address (RTCP follows it) */
    RtpReceiver(String name, StreamSettings settings, RemoteLatch latch, RtcpSession rtcp, CallerStream callerStream,
            MediaSessionListener listener, Runnable onRemoteMoved) {
        this.name = name;
        this.settings = settings;
        this.latch = latch;
        this.rtcp = rtcp;
        this.callerStream = callerStream;
        this.listener = listener;
        this.onRemoteMoved = onRemoteMoved;
    }

    void onDatagram(InetSocketAddress source, ByteBuf datagram, long nowNanos) {
        RtpHeader header = RtpHeader.parse(datagram);
        if (header == null || header.payloadLength() > MAX_PAYLOAD) {
            countMalformed(source, "not an RTP packet");
            return;
        }
        int payloadType = header.payloadType();
        boolean voice = payloadType == settings.payloadType() || payloadType == settings.comfortNoisePayloadType();
        if (!voice && payloadType != settings.telephoneEventPayloadType()) {
            countMalformed(source, "unexpected payload type " + payloadType);
            return;
        }
        datagram.getBytes(header.payloadOffset(), payload, 0, header.payloadLength());
        TelephoneEvent event = voice ? null : TelephoneEvent.parse(payload, 0, header.payloadLength());
        if (!voice && event == null) {
            countMalformed(source, "telephone-event payload of " + header.payloadLength() + " bytes");
            return;
        }
        InetSocketAddress before = latch.remote();
        if (!latch.accept(source, nowNanos)) {
            return;
        }
        if (!latch.remote().equals(before)) {
            onRemoteMoved.run();
        }
        received++;
        if (voice) {
            rtcp.onRtpReceived(header.ssrc(), header.sequenceNumber(), header.timestamp(), nowNanos);
            callerStream.offer(header.ssrc(), header.sequenceNumber(), header.timestamp(), header.marker(),
                    payloadType, Arrays.copyOf(payload, header.payloadLength()), nowNanos);
        } else {
            rtcp.onRtpEventReceived(header.ssrc(), header.sequenceNumber());
            keyPress(header, event);
        }
    }

    /** A key press goes to the listener once, at its first packet. */
    private void keyPress(RtpHeader header, TelephoneEvent event) {
        DtmfDetector.KeyPress press = dtmfIn.accept(header.ssrc(), header.timestamp(), event);
        if (press != null) {
            dtmfReceived++;
            listener.onDtmf(press.digit());
        }
    }

    private void countMalformed(InetSocketAddress source, String why) {
        if (malformed++ == 0) {
            log.warn("{}: dropping datagram from {}: {} (further drops are only counted)", name, source, why);
        }
    }

    /** Valid packets of the call's stream: voice, CN and telephone-events. */
    long received() {
        return received;
    }

    long malformed() {
        return malformed;
    }

    long dtmfReceived() {
        return dtmfReceived;
    }
}
