package dev.switchboard.media;

import dev.switchboard.media.audio.Pcm16;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.rtp.RtpHeader;
import dev.switchboard.media.transport.FramePacer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@link MediaSession} on an {@link EmbeddedChannel} with frozen time and a hand-driven nano clock: tests feed
 * datagrams to {@link MediaSession#onDatagram}, run pacing ticks with {@link #ticks} (each moves the clock 20 ms,
 * which is what lets the jitter buffer release the caller's audio), and read what was sent with
 * {@link EmbeddedChannel#readOutbound()}.
 */
abstract class MediaSessionFixture {

    static final InetSocketAddress SDP_REMOTE = new InetSocketAddress("192.0.2.10", 40_000);
    static final InetSocketAddress NAT_SOURCE = new InetSocketAddress("198.51.100.7", 50_000);
    static final InetSocketAddress INTRUDER = new InetSocketAddress("203.0.113.66", 60_000);
    static final int PCMU_PT = 0;
    static final int PCMA_PT = 8;
    static final int TELEPHONE_EVENT_PT = 101;
    static final StreamSettings PCMU_TO_PCM24K =
            new StreamSettings(SDP_REMOTE, G711.MU_LAW, PCMU_PT, TELEPHONE_EVENT_PT, MediaFormat.PCM16_24K);
    /** μ-law both ways, passed through: what the agent hears and says is the RTP payload, byte for byte. */
    static final StreamSettings PCMU_PASS_THROUGH = new StreamSettings(SDP_REMOTE, G711.MU_LAW, PCMU_PT,
            TELEPHONE_EVENT_PT, new MediaFormat(MediaFormat.Encoding.PCMU, 8_000));
    /** 20 ms at 8 kHz. */
    static final int FRAME = 160;
    /** The 5 ms ramp at the edges of the agent's talkspurts, in samples at 8 kHz. */
    static final int RAMP = 40;
    /** 20 ms of 16-bit PCM at 24 kHz. */
    static final int CHUNK_24K_BYTES = 960;
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(FramePacer.FRAME_MILLIS);
    /**
     * A caller's packet reaches the agent on the first tick after it arrived: the jitter buffer starts at the
     * tuning's least delay (20 ms in {@link #QUIET}), and with packets arriving on time it keeps that delay.
     */
    static final int PLAYOUT_DELAY_TICKS = 1;
    /** No RTCP report and no inactivity check gets in the way of what a test sends and reads. */
    static final MediaTuning QUIET = new MediaTuning(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(200),
            java.time.Duration.ofHours(1), java.time.Duration.ZERO);

    final AtomicLong nanoClock = new AtomicLong(123 * SECOND);
    /** What the session handed the agent, in order. */
    final List<byte[]> callerAudio = new ArrayList<>();
    /** How often the session reported the call dead for want of media. */
    int mediaTimeouts;
    /** Keys the session reported the caller pressed, in order. */
    final StringBuilder dtmf = new StringBuilder();
    /** For each onset of caller speech reported, how many chunks of caller audio the agent had been given by then. */
    final List<Integer> speechOnsets = new ArrayList<>();
    final MediaSessionListener listener = new MediaSessionListener() {
        @Override
        public void onCallerAudio(byte[] audio) {
            callerAudio.add(audio);
        }

        @Override
        public void onDtmf(char digit) {
            dtmf.append(digit);
        }

        @Override
        public void onCallerSpeechStarted() {
            speechOnsets.add(callerAudio.size());
        }

        @Override
        public void onMediaTimeout() {
            mediaTimeouts++;
        }
    };
    /** Sessions the close callback was called with. */
    final List<MediaSession> closed = new ArrayList<>();
    EmbeddedChannel channel;
    FramePacer pacer;
    MediaSession session;

    @BeforeEach
    void openSession() {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        pacer = new FramePacer(channel.eventLoop());
        session = new MediaSession("test-call", 20_000, pacer, listener, nanoClock::get, closed::add, tuning());
        session.attach(channel, null);
    }

    /** The media settings the session runs with. */
    MediaTuning tuning() {
        return QUIET;
    }

    @AfterEach
    void closeSession() {
        session.close();
        channel.finishAndReleaseAll();
    }

    /** 20 ms of a 1 kHz tone in {@code law}. */
    static byte[] tone(G711 law) {
        short[] samples = new short[FRAME];
        for (int n = 0; n < FRAME; n++) {
            samples[n] = (short) Math.round(8_000 * Math.sin(2 * Math.PI * 1_000 * n / 8_000.0));
        }
        byte[] codes = new byte[FRAME];
        law.encode(samples, 0, FRAME, codes, 0);
        return codes;
    }

    /** {@code frames} × 20 ms of a 440 Hz tone as 16-bit PCM at 24 kHz. */
    static byte[] agentTone(int frames) {
        short[] samples = new short[frames * CHUNK_24K_BYTES / 2];
        for (int n = 0; n < samples.length; n++) {
            samples[n] = (short) Math.round(12_000 * Math.sin(2 * Math.PI * 440 * n / 24_000.0));
        }
        return Pcm16.toBytes(samples, samples.length);
    }

    /** An RTP datagram; the caller releases it. */
    static ByteBuf rtp(int payloadType, int sequence, byte[] payload) {
        return rtp(sequence == 1, payloadType, sequence, 1_000L + sequence * FRAME, payload);
    }

    /** An RTP datagram with every header field given; the caller releases it. */
    static ByteBuf rtp(boolean marker, int payloadType, int sequence, long timestamp, byte[] payload) {
        ByteBuf datagram = Unpooled.buffer(RtpHeader.FIXED_HEADER_BYTES + payload.length);
        RtpHeader.write(datagram, marker, payloadType, sequence, timestamp, 0x1234_5678L);
        datagram.writeBytes(payload);
        return datagram;
    }

    void deliver(InetSocketAddress source, int payloadType, int sequence, byte[] payload) {
        ByteBuf datagram = rtp(payloadType, sequence, payload);
        try {
            session.onDatagram(source, datagram);
        } finally {
            datagram.release();
        }
    }

    /** Hands the session {@code datagram} as if it came from {@code source}, then releases it. */
    void deliver(InetSocketAddress source, ByteBuf datagram) {
        try {
            session.onDatagram(source, datagram);
        } finally {
            datagram.release();
        }
    }

    void deliverRaw(InetSocketAddress source, byte[] bytes) {
        ByteBuf datagram = Unpooled.wrappedBuffer(bytes);
        try {
            session.onDatagram(source, datagram);
        } finally {
            datagram.release();
        }
    }

    /**
     * Runs {@code count} pacing ticks, each 20 ms of the session's clock after the last, as the pacer does: the
     * jitter buffer releases the caller's audio as that clock moves.
     */
    void ticks(int count) {
        for (int i = 0; i < count; i++) {
            nanoClock.addAndGet(TICK_NANOS);
            session.onTick();
        }
    }

    /** The stats' own counters, without the jitter buffer's and RTCP's figures. */
    static MediaStats counters(MediaStats stats) {
        return new MediaStats(stats.packetsReceived(), stats.packetsSent(), stats.malformed(), stats.foreign(),
                stats.silenceFilled(), stats.dtmfReceived(), stats.dtmfSent());
    }

    /**
     * The caller's phone, sending 20 ms packets (or whatever length its payloads are) in real time: its sequence
     * number and RTP clock run on as it sends, and a pause moves the clock without sending, as a phone that
     * suppresses silence does; the first packet after a pause carries the marker bit (RFC 3551 §4.1).
     */
    final class Phone {
        private final InetSocketAddress source;
        private final int payloadType;
        private int sequence = 1;
        private long timestamp = 1_000;
        private boolean talkspurt = true;

        Phone(InetSocketAddress source, int payloadType) {
            this.source = source;
            this.payloadType = payloadType;
        }

        /** Sends {@code count} packets of {@code payload}, each followed by a tick. */
        void send(int count, byte[] payload) {
            for (int i = 0; i < count; i++) {
                deliver(source, next(payloadType, payload, payload.length));
                ticks(1);
            }
        }

        /** Lets {@code count} ticks pass without sending; the phone's clock runs on. */
        void pause(int count) {
            timestamp += (long) count * FRAME;
            talkspurt = true;
            ticks(count);
        }

        /** The phone's next packet, {@code duration} RTP clock ticks long, unsent; the caller releases it. */
        ByteBuf next(int type, byte[] payload, int duration) {
            ByteBuf packet = rtp(talkspurt, type, sequence, timestamp & 0xFFFF_FFFFL, payload);
            sequence = (sequence + 1) & 0xFFFF;
            timestamp += duration;
            talkspurt = false;
            return packet;
        }
    }

    /** One RTP packet the session sent, read back: its header and its payload. */
    record SentPacket(RtpHeader header, byte[] payload) {}

    /** Reads and releases every packet written so far. */
    List<SentPacket> readPackets() {
        List<SentPacket> sent = new ArrayList<>();
        for (DatagramPacket packet = channel.readOutbound(); packet != null; packet = channel.readOutbound()) {
            try {
                RtpHeader header = RtpHeader.parse(packet.content());
                sent.add(new SentPacket(header,
                        ByteBufUtil.getBytes(packet.content(), header.payloadOffset(), header.payloadLength())));
            } finally {
                packet.release();
            }
        }
        return sent;
    }

    /** Reads and releases every packet written so far; returns how many there were. */
    int releaseOutbound() {
        int count = 0;
        for (DatagramPacket packet = channel.readOutbound(); packet != null; packet = channel.readOutbound()) {
            packet.release();
            count++;
        }
        return count;
    }
}
