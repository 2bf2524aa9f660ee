package dev.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.audio.CallerAudioPath;
import dev.switchboard.media.audio.Pcm16;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.rtp.RtpHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine with real UDP sockets on loopback: a {@link DatagramSocket} plays the phone.
 *
 * <p>The engine needs a fixed port range, which the OS cannot hand out like an ephemeral port. Each test takes a
 * random free block of ten ports between 31000 and 31999, below Linux's ephemeral range (32768 up), so that builds
 * running side by side on one machine do not fight over the same ports.
 */
class MediaEngineIT {

    private static final String LOOPBACK = "127.0.0.1";
    private static final int BLOCK = 10;
    private static final int PAIRS = 5;
    private static final long TIMEOUT_SECONDS = 5;
    private static final int PCMU_PT = 0;
    private static final int FRAME = 160;

    /** A session and the loop it must be called on. */
    private record OpenSession(EventLoop loop, MediaSession session) {}

    private final List<DatagramSocket> sockets = new ArrayList<>();
    private final List<OpenSession> opened = new ArrayList<>();
    private final BlockingQueue<byte[]> callerAudio = new LinkedBlockingQueue<>();
    private int firstPort;
    private int lastPort;
    private MediaEngine engine;

    @BeforeEach
    void startEngine() {
        firstPort = freePortBlock();
        lastPort = firstPort + BLOCK - 1;
        engine = MediaEngine.start(1, LOOPBACK, firstPort, lastPort);
    }

    /** Closes every session on its loop before the engine, as the server does at shutdown. */
    @AfterEach
    void stopEngine() throws Exception {
        try {
            for (OpenSession open : opened) {
                on(open.loop(), open.session()::close);
            }
        } finally {
            sockets.forEach(DatagramSocket::close);
            engine.close();
        }
    }

    @Test
    void carriesAudioBothWaysAndReturnsThePortOnClose() throws Exception {
        EventLoop loop = engine.nextLoop();
        MediaSession session = open(loop);
        int port = session.localPort();

        assertEquals(0, port % 2, "even RTP port " + port);
        assertTrue(port >= firstPort && port + 1 <= lastPort, "port " + port + " in range");
        assertEquals(PAIRS, engine.portCapacity());
        assertEquals(PAIRS - 1, engine.availablePorts());
        assertEquals(1, engine.openSessions());

        DatagramSocket phone = socket(0);
        on(loop, () -> session.start(new StreamSettings((InetSocketAddress) phone.getLocalSocketAddress(),
                G711.MU_LAW, PCMU_PT, 101, MediaFormat.PCM16_24K)));

        byte[] spoken = muLawTone();
        send(phone, port, rtp(true, 7, 1_000, spoken));
        byte[] heard = awaitNonSilentCallerAudio();
        assertArrayEquals(new CallerAudioPath(G711.MU_LAW, MediaFormat.PCM16_24K).convert(spoken, 0, FRAME), heard);

        on(loop, () -> session.playAgentAudio("item", 0, agentTone(200)));
        List<RtpHeader> received = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            received.add(receiveRtp(phone));
        }
        assertTalkspurt(received);
        MediaStats stats = call(loop, session::stats);
        assertEquals(1, stats.packetsReceived());
        assertEquals(10, stats.packetsSent());
        assertFalse(call(loop, session::isPlaying));

        on(loop, session::close);
        assertEquals(PAIRS, engine.availablePorts());
        assertEquals(0, engine.openSessions());
        assertEquals(1, engine.packetsReceived());
        assertEquals(10, engine.packetsSent());
        socket(port).close(); // binds only because the session's socket is closed
    }

    @Test
    void closingTheEngineClosesTheSocketsOfSessionsStillOpen() throws Exception {
        MediaEngine other = MediaEngine.start(1, LOOPBACK, firstPort, lastPort);
        int port;
        try {
            EventLoop loop = other.nextLoop();
            port = other.open(loop, "left open", audio -> { }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).localPort();
        } finally {
            other.close();
        }
        socket(port).close(); // binds only because close() closed the socket the session never closed
    }

    @Test
    void theSixthSessionFindsNoFreePort() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < PAIRS; i++) {
            ports.add(open(engine.nextLoop()).localPort());
        }

        assertEquals(Set.of(firstPort, firstPort + 2, firstPort + 4, firstPort + 6, firstPort + 8), ports);
        assertEquals(0, engine.availablePorts());
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> engine.open(engine.nextLoop(), "sixth", callerAudio::add).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(MediaException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("no free RTP port"), failure.getCause().getMessage());

        for (OpenSession open : opened) {
            on(open.loop(), open.session()::close);
        }
        assertEquals(PAIRS, engine.availablePorts());
        assertEquals(0, engine.openSessions());
        open(engine.nextLoop());
    }

    @Test
    void aPortBoundBySomeoneElseIsSkipped() throws Exception {
        socket(firstPort);

        MediaSession session = open(engine.nextLoop());

        assertEquals(firstPort + 2, session.localPort());
        assertEquals(PAIRS - 1, engine.availablePorts(), "the busy port went back to the pool");
        assertEquals(1, engine.openSessions());
    }

    @Test
    void openFailsWhenNoPortCanBeBound() throws Exception {
        for (int port = firstPort; port < lastPort; port += 2) {
            socket(port);
        }

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> engine.open(engine.nextLoop(), "blocked", callerAudio::add).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        assertInstanceOf(MediaException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains(LOOPBACK), failure.getCause().getMessage());
        assertEquals(PAIRS, engine.availablePorts(), "every port tried went back to the pool");
        assertEquals(0, engine.openSessions());
    }

    /** A random block of {@link #BLOCK} ports in 31000-31999, each of them free right now. */
    private static int freePortBlock() {
        Random random = new Random();
        for (int attempt = 0; attempt < 20; attempt++) {
            int first = 31_000 + BLOCK * random.nextInt(1_000 / BLOCK);
            if (allFree(first, first + BLOCK - 1)) {
                return first;
            }
        }
        throw new IllegalStateException("no free block of " + BLOCK + " UDP ports on " + LOOPBACK + " in 31000-31999");
    }

    private static boolean allFree(int first, int last) {
        for (int port = first; port <= last; port++) {
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                probe.getLocalPort();
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private MediaSession open(EventLoop loop) throws Exception {
        MediaSession session = engine.open(loop, "it-call", callerAudio::add).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(session);
        opened.add(new OpenSession(loop, session));
        return session;
    }

    /** A socket on loopback; port 0 for an ephemeral one. Closed after the test. */
    private DatagramSocket socket(int port) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
        socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        sockets.add(socket);
        return socket;
    }

    /**
     * The session hands the agent silence while the caller says nothing (gap fill), so the spoken packet is the
     * first chunk that is not all zero.
     */
    private byte[] awaitNonSilentCallerAudio() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        byte[] silence = new byte[FRAME * 6];
        for (long left = TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS); left > 0; left = deadline - System.nanoTime()) {
            byte[] chunk = callerAudio.poll(left, TimeUnit.NANOSECONDS);
            if (chunk != null && !Arrays.equals(silence, chunk)) {
                return chunk;
            }
        }
        throw new AssertionError("no caller audio within " + TIMEOUT_SECONDS + " s");
    }

    private static void assertTalkspurt(List<RtpHeader> packets) {
        RtpHeader first = packets.get(0);
        assertTrue(first.marker(), "marker on the first packet");
        for (int i = 0; i < packets.size(); i++) {
            RtpHeader packet = packets.get(i);
            assertEquals(PCMU_PT, packet.payloadType());
            assertEquals(FRAME, packet.payloadLength());
            assertEquals(first.ssrc(), packet.ssrc());
            assertEquals((first.sequenceNumber() + i) & 0xFFFF, packet.sequenceNumber(), "sequence of packet " + i);
            assertEquals((first.timestamp() + (long) i * FRAME) & 0xFFFF_FFFFL, packet.timestamp(),
                    "timestamp of packet " + i);
            if (i > 0) {
                assertFalse(packet.marker(), "no marker on packet " + i);
            }
        }
    }

    private static RtpHeader receiveRtp(DatagramSocket phone) throws IOException {
        DatagramPacket datagram = new DatagramPacket(new byte[2048], 2048);
        phone.receive(datagram);
        ByteBuf buf = Unpooled.wrappedBuffer(datagram.getData(), 0, datagram.getLength());
        try {
            RtpHeader header = RtpHeader.parse(buf);
            assertNotNull(header, "an RTP packet");
            return header;
        } finally {
            buf.release();
        }
    }

    private static void send(DatagramSocket phone, int port, byte[] bytes) throws IOException {
        phone.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(LOOPBACK, port)));
    }

    private static byte[] rtp(boolean marker, int sequence, long timestamp, byte[] payload) {
        ByteBuf buf = Unpooled.buffer();
        try {
            RtpHeader.write(buf, marker, PCMU_PT, sequence, timestamp, 0x0BAD_CAFEL);
            buf.writeBytes(payload);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** 20 ms of a 1 kHz tone in μ-law. */
    private static byte[] muLawTone() {
        short[] samples = new short[FRAME];
        for (int n = 0; n < FRAME; n++) {
            samples[n] = (short) Math.round(8_000 * Math.sin(2 * Math.PI * 1_000 * n / 8_000.0));
        }
        byte[] codes = new byte[FRAME];
        G711.MU_LAW.encode(samples, 0, FRAME, codes, 0);
        return codes;
    }

    /** {@code millis} of a 440 Hz sine as 16-bit PCM at 24 kHz. */
    private static byte[] agentTone(int millis) {
        short[] samples = new short[millis * 24];
        for (int n = 0; n < samples.length; n++) {
            samples[n] = (short) Math.round(12_000 * Math.sin(2 * Math.PI * 440 * n / 24_000.0));
        }
        return Pcm16.toBytes(samples, samples.length);
    }

    private static void on(EventLoop loop, Runnable task) throws Exception {
        loop.submit(task).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static <T> T call(EventLoop loop, Callable<T> task) throws Exception {
        return loop.submit(task).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
