package dev.switchboard.media;

import dev.switchboard.media.audio.AgentAudioPath;
import dev.switchboard.media.audio.CallerAudioPath;
import dev.switchboard.media.audio.CallerStream;
import dev.switchboard.media.audio.SpeechOnsetDetector;
import dev.switchboard.media.dtmf.DtmfSender;
import dev.switchboard.media.jitter.JitterBufferConfig;
import dev.switchboard.media.playout.OutboundFrames;
import dev.switchboard.media.playout.PlaybackPosition;
import dev.switchboard.media.recording.CallRecorder;
import dev.switchboard.media.rtcp.NtpClock;
import dev.switchboard.media.rtcp.RtcpDecoder;
import dev.switchboard.media.rtcp.RtcpSession;
import dev.switchboard.media.rtp.RtpSender;
import dev.switchboard.media.transport.FramePacer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's audio stream: its RTP and RTCP sockets, the caller's voice to the agent and the agent's voice paced
 * out every 20 ms.
 *
 * <pre>
 *  RTP in ─► parse ─► latch remote ─► audio / CN ─► CallerStream (jitter buffer, decode, conceal) ─┐
 *                                   └► telephone-event ─► DtmfDetector ─► listener.onDtmf         │
 *  (pacing tick) ◄────────────────────────────────────────────────────────────────────────────────┘
 *      ├─► listener.onCallerAudio, SpeechOnsetDetector, recording
 *      └─► OutboundFrames (playout buffer, fades, encoder) or DtmfSender ─► RtpSender ─► RTP out
 *  RTCP in/out ─► RtcpLink (reports, loss, jitter, round-trip time)
 * </pre>
 *
 * <p>Symmetric RTP (RFC 4961): replies go to the address the caller's packets actually come from
 * ({@link RemoteLatch}).
 *
 * <p>On hold ({@link MediaDirection#held()}) the agent hears silence, its voice is not sent, and the inactivity
 * check is off: a held call may be silent for as long as the hold lasts.
 *
 * <p>Threading: every method runs on the call's event loop, which also owns the sockets.
 */
public final class MediaSession implements FramePacer.Client {

    private static final Logger log = LoggerFactory.getLogger(MediaSession.class);
    static final long RELATCH_AFTER_NANOS = RemoteLatch.RELATCH_AFTER_NANOS;
    static final int GAP_FILL_AFTER_TICKS = CallerGapFill.AFTER_TICKS;

    private final String name;
    private final int localPort;
    private final FramePacer pacer;
    private final MediaSessionListener listener;
    private final LongSupplier nanoClock;
    private final Consumer<MediaSession> onClose;
    private final MediaTuning tuning;
    private final byte[] outPayload = new byte[RtpReceiver.MAX_PAYLOAD];
    private Channel channel;
    private Channel rtcpChannel;
    private StreamSettings settings;
    private MediaDirection direction = MediaDirection.SENDRECV;
    private RtpSender sender;
    private DtmfSender dtmfOut;
    private CallerAudioPath callerPath;
    private CallerStream callerStream;
    private AgentAudioPath agentAudio;
    private OutboundFrames outbound;
    private SpeechOnsetDetector callerSpeech;
    private RtcpLink rtcp;
    private RecordingTap recording;
    private RemoteLatch latch;
    private RtpReceiver receiver;
    private CallerGapFill gapFill;
    private long startedNanos;
    private boolean timedOut;
    private boolean closed;
    private long packetsSent;

    MediaSession(String name, int localPort, FramePacer pacer, MediaSessionListener listener,
            LongSupplier nanoClock, Consumer<MediaSession> onClose, MediaTuning tuning) {
        this.name = name;
        this.localPort = localPort;
        this.pacer = pacer;
        this.listener = listener;
        this.nanoClock = nanoClock;
        this.onClose = onClose;
        this.tuning = tuning;
    }

    void attach(Channel rtp, Channel rtcpSocket) {
        this.channel = rtp;
        this.rtcpChannel = rtcpSocket;
    }

    public int localPort() {
        return localPort;
    }

    /** Starts the stream with the negotiated settings: audio flows both ways from now on. */
    public void start(StreamSettings stream) {
        if (closed || this.settings != null) {
            return;
        }
        this.settings = stream;
        this.latch = new RemoteLatch(name, stream.remote());
        this.startedNanos = nanoClock.getAsLong();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.sender = new RtpSender(random, stream.codec().timestampsPerFrame());
        this.dtmfOut = new DtmfSender(stream.telephoneEventClockRate() / 50);
        this.callerPath = new CallerAudioPath(stream.codec(), stream.agentInput());
        this.callerStream = new CallerStream(stream.codec(), jitterConfig(stream), callerPath, new CallerListener());
        this.agentAudio = new AgentAudioPath(stream.codec(), stream.agentOutput());
        this.outbound = new OutboundFrames(stream.codec());
        if (stream.localVad()) {
            this.callerSpeech = new SpeechOnsetDetector(stream.codec().decodedRate());
        }
        this.gapFill = new CallerGapFill(listener, callerPath, callerSpeech, stream.codec().decodedRate());
        RtcpSession session = new RtcpSession(sender.ssrc(), UUID.randomUUID().toString(),
                stream.codec().rtpClockRate(), new NtpClock(Clock.systemUTC(), startedNanos), random, startedNanos,
                tuning.rtcpInterval().toNanos());
        this.rtcp = new RtcpLink(name, session);
        this.receiver = new RtpReceiver(name, stream, latch, session, callerStream, listener, this::attachRtcp);
        attachRtcp();
        pacer.add(this);
    }

    /**
     * The jitter buffer starts at its least delay (but a frame at least) and grows as the network's jitter demands:
     * on a clean network it never has to shrink, which it can only do in the caller's pauses.
     */
    private JitterBufferConfig jitterConfig(StreamSettings stream) {
        int min = (int) tuning.jitterMin().toMillis();
        int max = (int) tuning.jitterMax().toMillis();
        return new JitterBufferConfig(stream.codec().rtpClockRate(), min, max, Math.clamp(20, min, max), 64,
                stream.comfortNoisePayloadType(), stream.codec().packetDuration());
    }

    private void attachRtcp() {
        boolean mux = settings.rtcpMux() || rtcpChannel == null;
        rtcp.attach(mux ? channel : rtcpChannel,
                mux ? latch.remote() : new InetSocketAddress(latch.remote().getAddress(), latch.remote().getPort() + 1));
    }

    /**
     * A re-offer changed which way audio flows (RFC 3264 §8.4): on hold the agent hears silence and its voice is
     * not sent; off hold both flow again, on the same stream.
     */
    public void direction(MediaDirection newDirection) {
        if (newDirection != direction) {
            log.info("{}: audio {} (was {})", name, newDirection.name().toLowerCase(), direction.name().toLowerCase());
            direction = newDirection;
            if (!direction.sends() && outbound != null) {
                outbound.cut();
            }
            latch.touch(nanoClock.getAsLong());
        }
    }

    /**
     * A re-offer moved the caller's media to {@code sdpRemote} (a PBX re-routing the call, a trunk switching media
     * servers): send there, and latch afresh on whatever address its packets then come from.
     */
    public void retarget(InetSocketAddress sdpRemote) {
        if (settings == null || sdpRemote.equals(latch.remote())) {
            return;
        }
        log.info("{}: the caller's media moved to {} (was {})", name, sdpRemote, latch.remote());
        latch.retarget(sdpRemote);
        attachRtcp();
    }

    /** Records the call from now on; {@code recorder} was opened at {@link #recordingRate()}. */
    public void record(CallRecorder recorder) {
        if (settings == null || closed) {
            recorder.close();
            return;
        }
        recording = new RecordingTap(recorder, settings.codec().decodedRate(), recordingRate());
    }

    /** The rate a recording of this call runs at: the rate the call's audio is sent at. */
    public int recordingRate() {
        return settings.codec().encodedRate();
    }

    /**
     * Queues a chunk of the agent's voice, in the agent's output format, behind what is already waiting. The
     * array is not kept: the caller may reuse it.
     */
    public void playAgentAudio(String itemId, int contentIndex, byte[] audio) {
        if (settings == null || closed) {
            return;
        }
        byte[] converted = agentAudio.convert(audio);
        outbound.buffer().enqueue(itemId, contentIndex, converted, converted.length);
    }

    /**
     * Barge-in: drops all agent audio not yet sent, so the caller stops hearing the agent within the next frame
     * (which ramps the voice down over 5 ms rather than cutting it dead), and returns how much of the cut item was
     * heard ({@code null} when nothing was cut).
     */
    public PlaybackPosition interruptPlayback() {
        if (outbound == null) {
            return null;
        }
        PlaybackPosition cut = outbound.cut();
        agentAudio.reset();
        if (!outbound.rampingDown()) {
            sender.newTalkspurt();
        }
        return cut;
    }

    /**
     * Sends DTMF digits to the caller as RFC 4733 telephone-events, behind any digits still queued. From the next
     * tick the digits take the place of the agent's voice, which waits in the playout buffer and resumes after
     * them; a barge-in does not cancel them. Each digit takes {@link DtmfSender#TONE_MILLIS} of tone, three
     * ticks of final reports and {@link DtmfSender#PAUSE_MILLIS} of pause: 220 ms.
     *
     * @param digits '0'–'9', '*', '#', 'A'–'D'; at most {@link DtmfSender#MAX_DIGITS}
     * @return completes on this loop once the last digit's final packet is sent (so dependents that are not
     *         async run on the loop and must not block); fails with a {@link MediaException} when the session
     *         closes first
     * @throws IllegalArgumentException when a character is not a DTMF key (the message names it), or there are no
     *         digits or too many
     * @throws IllegalStateException when the caller's SDP offered no telephone-event payload type, so digits
     *         cannot be sent in band; or the stream is not started, or closed
     */
    public CompletableFuture<Void> sendDtmf(String digits) {
        if (settings == null || closed) {
            throw new IllegalStateException(name + ": cannot send DTMF, the media stream is "
                    + (closed ? "closed" : "not started"));
        }
        if (settings.telephoneEventPayloadType() < 0) {
            throw new IllegalStateException(name + ": cannot send DTMF, the caller did not negotiate "
                    + "telephone-event (RFC 4733) in its SDP");
        }
        return dtmfOut.enqueue(digits);
    }

    /** Whether agent audio is waiting to be sent. */
    public boolean isPlaying() {
        return outbound != null && !outbound.buffer().isEmpty();
    }

    /** Milliseconds of agent audio waiting to be sent. */
    public long bufferedMillis() {
        return outbound == null ? 0 : outbound.buffer().bufferedMillis();
    }

    public MediaStats stats() {
        if (settings == null) {
            return new MediaStats(0, packetsSent, 0, 0, 0, 0, 0);
        }
        return new MediaStats(receiver.received(), packetsSent, receiver.malformed() + rtcp.malformed(),
                latch.foreign(), gapFill.framesFilled(), receiver.dtmfReceived(), dtmfOut.digitsSent(),
                callerStream.stats(), rtcp.stats());
    }

    /** The address RTP is sent to: the SDP's until a packet arrives, then the latched source. */
    public InetSocketAddress remote() {
        return latch == null ? null : latch.remote();
    }

    /** Stops the stream, says goodbye over RTCP, closes the sockets and releases the ports. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (settings != null) {
            dtmfOut.cancel(new MediaException(name + ": the call's media closed before the DTMF digits were sent"));
            pacer.remove(this);
            rtcp.close(nanoClock.getAsLong());
            callerStream.close();
            outbound.close();
        }
        if (recording != null) {
            recording.close();
        }
        if (channel != null) {
            channel.close();
        }
        if (rtcpChannel != null) {
            rtcpChannel.close();
        }
        onClose.accept(this);
    }

    @Override
    public void onTick() {
        long now = nanoClock.getAsLong();
        if (recording != null) {
            recording.tick();
        }
        gapFill.tick(callerStream.tick(now));
        switch (dtmfOut.tick(sender.timestamp(), this::sendEvent)) {
            case FREE -> sendAgentFrame(now);
            case PAUSE -> sender.skip();
            case SENT -> { }
        }
        rtcp.tick(now);
        checkActivity(now);
    }

    private void sendAgentFrame(long now) {
        boolean rampDown = outbound.rampingDown();
        int length = outbound.next(outPayload);
        if (length == 0 || !direction.sends()) {
            sender.skip();
            return;
        }
        if (recording != null) {
            recording.agent(outbound.sentPcm(), outbound.sentSamples());
        }
        rtcp.session().onRtpSent(sender.timestamp(), length, now);
        send(sender.packet(channel.alloc(), settings.payloadType(), outPayload, length));
        if (rampDown) {
            sender.newTalkspurt();
        }
    }

    private void sendEvent(DtmfSender.EventPacket event) {
        byte[] report = event.report().toBytes();
        rtcp.session().onRtpSent(sender.timestamp(), report.length, nanoClock.getAsLong());
        send(sender.eventPacket(channel.alloc(), settings.telephoneEventPayloadType(), event.marker(),
                event.timestamp(), report, report.length));
    }

    private void send(ByteBuf packet) {
        channel.writeAndFlush(new DatagramPacket(packet, latch.remote()), channel.voidPromise());
        packetsSent++;
    }

    /** Reports a dead call once: no RTP or RTCP for the timeout while audio is meant to flow both ways. */
    private void checkActivity(long now) {
        long timeout = tuning.inactivityTimeout().toNanos();
        if (timeout == 0 || timedOut || direction.held()) {
            return;
        }
        long heard = Math.max(Math.max(latch.lastPacketNanos(), rtcp.lastHeardNanos()), startedNanos);
        if (now - heard >= timeout) {
            timedOut = true;
            log.warn("{}: no RTP or RTCP from the caller for {} s; the call is dead", name,
                    tuning.inactivityTimeout().toSeconds());
            listener.onMediaTimeout();
        }
    }

    void onRtcpDatagram(InetSocketAddress source, ByteBuf datagram) {
        if (settings != null && !closed) {
            rtcp.onDatagram(source, datagram, nanoClock.getAsLong());
        }
    }

    void onDatagram(InetSocketAddress source, ByteBuf datagram) {
        if (settings == null || closed) {
            return;
        }
        if (datagram.readableBytes() > 1 && RtcpDecoder.isRtcp(datagram.getUnsignedByte(datagram.readerIndex() + 1))) {
            onRtcpDatagram(source, datagram);
            return;
        }
        receiver.onDatagram(source, datagram, nanoClock.getAsLong());
    }

    @Override
    public String toString() {
        return "MediaSession[" + name + ", port " + localPort + "]";
    }

    /** The caller's decoded voice: to speech detection and the recording, and in the agent's format to the agent. */
    private final class CallerListener implements CallerStream.Listener {
        @Override
        public void agentAudio(byte[] audio) {
            listener.onCallerAudio(direction.held() ? callerPath.silenceLike(audio) : audio);
        }

        @Override
        public void pcm(short[] pcm, int length) {
            if (callerSpeech != null && !direction.held() && callerSpeech.accept(pcm, 0, length)) {
                listener.onCallerSpeechStarted();
            }
            if (recording != null) {
                recording.caller(pcm, length);
            }
        }
    }
}
