package dev.switchboard.sip.testing;

import dev.switchboard.media.codec.G711;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The test caller's RTP side: sends G.711 audio paced at 20 ms, and records every packet it receives with its
 * arrival time. Header handling is written here from RFC 3550, independently of the server's.
 */
public final class RtpPeer implements AutoCloseable {

    /** One received packet. */
    public record Packet(long arrivalNanos, boolean marker, int payloadType, int sequence, long timestamp,
            long ssrc, byte[] payload) {}

    private final DatagramSocket socket;
    private final List<Packet> received = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final Thread receiver;
    private volatile InetSocketAddress remote;
    private int sequence = 1000;
    private long timestamp = 50_000;

    public RtpPeer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        receiver = Thread.ofPlatform().daemon().name("rtp-peer-rx").start(this::receive);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void remote(InetSocketAddress remote) {
        this.remote = remote;
    }

    /**
     * Sends {@code pcm} (8 kHz) as G.711 in 20 ms packets, one per 20 ms; the future completes after the last.
     */
    public CompletableFuture<Void> send(short[] pcm, G711 law) {
        List<byte[]> frames = new ArrayList<>();
        for (int offset = 0; offset + 160 <= pcm.length; offset += 160) {
            byte[] frame = new byte[160];
            law.encode(pcm, offset, 160, frame, 0);
            frames.add(frame);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] next = {0};
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = pacer.scheduleAtFixedRate(() -> {
            if (next[0] >= frames.size()) {
                done.complete(null);
                task[0].cancel(false);
                return;
            }
            sendPacket(law.rtpPayloadType(), frames.get(next[0]), next[0] == 0);
            next[0]++;
        }, 0, 20, TimeUnit.MILLISECONDS);
        return done;
    }

    /** Sends each payload as one packet of {@code payloadType}, one every 20 ms; completes after the last. */
    public CompletableFuture<Void> sendPayloads(int payloadType, List<byte[]> payloads) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] next = {0};
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = pacer.scheduleAtFixedRate(() -> {
            if (next[0] >= payloads.size()) {
                done.complete(null);
                task[0].cancel(false);
                return;
            }
            sendPacket(payloadType, payloads.get(next[0]), next[0] == 0);
            next[0]++;
        }, 0, 20, TimeUnit.MILLISECONDS);
        return done;
    }

    /**
     * Presses keys as RFC 4733 telephone-events (payload type 101), the way phones do: per key, five reports
     * 20 ms apart sharing the event's timestamp with growing durations, the first with the marker bit, then the
     * end report three times, then 60 ms of nothing. The future completes after the last key.
     */
    public CompletableFuture<Void> sendDtmf(String keys) {
        List<byte[]> payloads = new ArrayList<>();
        List<Boolean> markers = new ArrayList<>();
        List<Long> timestamps = new ArrayList<>();
        long eventTimestamp = timestamp;
        for (char key : keys.toCharArray()) {
            int code = "0123456789*#ABCD".indexOf(key);
            for (int i = 1; i <= 8; i++) {
                boolean end = i > 5;
                int duration = 160 * Math.min(i, 5);
                payloads.add(new byte[] {(byte) code, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8),
                        (byte) duration});
                markers.add(i == 1);
                timestamps.add(eventTimestamp);
            }
            for (int i = 0; i < 3; i++) {
                payloads.add(null);
                markers.add(false);
                timestamps.add(0L);
            }
            eventTimestamp += 11 * 160;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] next = {0};
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = pacer.scheduleAtFixedRate(() -> {
            if (next[0] >= payloads.size()) {
                timestamp = timestamps.get(timestamps.size() - 1) + 11 * 160;
                done.complete(null);
                task[0].cancel(false);
                return;
            }
            byte[] payload = payloads.get(next[0]);
            if (payload != null) {
                sendPacket(101, payload, markers.get(next[0]), timestamps.get(next[0]));
            }
            next[0]++;
        }, 0, 20, TimeUnit.MILLISECONDS);
        return done;
    }

    /** Sends one RTP packet now. */
    public void sendPacket(int payloadType, byte[] payload, boolean marker) {
        sendPacket(payloadType, payload, marker, timestamp);
        timestamp += payload.length;
    }

    private void sendPacket(int payloadType, byte[] payload, boolean marker, long packetTimestamp) {
        sendPacket(payloadType, payload, marker, sequence, packetTimestamp);
        sequence = (sequence + 1) & 0xFFFF;
    }

    /** Sends one RTP packet now with the sequence number and timestamp given, as an impaired network delivers it. */
    public void sendPacket(int payloadType, byte[] payload, boolean marker, int sequenceNumber, long packetTimestamp) {
        byte[] packet = new byte[12 + payload.length];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        packet[2] = (byte) (sequenceNumber >> 8);
        packet[3] = (byte) sequenceNumber;
        for (int i = 0; i < 4; i++) {
            packet[4 + i] = (byte) (packetTimestamp >> (24 - 8 * i));
            packet[8 + i] = (byte) (0x1234_5678 >> (24 - 8 * i));
        }
        System.arraycopy(payload, 0, packet, 12, payload.length);
        sendRaw(packet);
    }

    /** Sends arbitrary bytes to the server's RTP port (for garbage-input tests). */
    public void sendRaw(byte[] datagram) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, remote));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Packet> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} packets have arrived. */
    public void awaitPackets(int count, java.time.Duration timeout) {
        Eventually.await(() -> received.size() >= count, timeout,
                () -> "expected " + count + " RTP packets, got " + received.size());
    }

    /** Waits until at least {@code count} packets have arrived and then none for {@code quiet}. */
    public void awaitTalkspurtEnd(int count, java.time.Duration quiet, java.time.Duration timeout) {
        long quietNanos = quiet.toNanos();
        Eventually.await(() -> received.size() >= count
                        && System.nanoTime() - received.get(received.size() - 1).arrivalNanos() > quietNanos,
                timeout, () -> "expected " + count + " RTP packets then silence, got " + received.size());
    }

    /** The received payloads decoded to 8 kHz PCM, in arrival order, with no gap filling. */
    public short[] receivedAudio(G711 law) {
        List<Packet> packets = received();
        int total = packets.stream().mapToInt(p -> p.payload().length).sum();
        short[] pcm = new short[total];
        int offset = 0;
        for (Packet packet : packets) {
            law.decode(packet.payload(), 0, packet.payload().length, pcm, offset);
            offset += packet.payload().length;
        }
        return pcm;
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
            } catch (IOException e) {
                return;
            }
            long now = System.nanoTime();
            byte[] data = java.util.Arrays.copyOf(datagram.getData(), datagram.getLength());
            if (data.length < 12) {
                continue;
            }
            received.add(new Packet(now, (data[1] & 0x80) != 0, data[1] & 0x7F,
                    ((data[2] & 0xFF) << 8) | (data[3] & 0xFF), unsigned(data, 4), unsigned(data, 8),
                    java.util.Arrays.copyOfRange(data, 12, data.length)));
        }
    }

    private static long unsigned(byte[] data, int offset) {
        return ((data[offset] & 0xFFL) << 24) | ((data[offset + 1] & 0xFFL) << 16)
                | ((data[offset + 2] & 0xFFL) << 8) | (data[offset + 3] & 0xFFL);
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        socket.close();
    }
}
