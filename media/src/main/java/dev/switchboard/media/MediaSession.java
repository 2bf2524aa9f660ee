package dev.switchboard.media;

import dev.switchboard.media.audio.AgentAudioPath;
import dev.switchboard.media.audio.CallerAudioPath;
import dev.switchboard.media.audio.SpeechOnsetDetector;
import dev.switchboard.media.dtmf.DtmfDetector;
import dev.switchboard.media.dtmf.DtmfSender;
import dev.switchboard.media.dtmf.TelephoneEvent;
import dev.switchboard.media.playout.PlaybackPosition;
import dev.switchboard.media.playout.PlayoutBuffer;
import dev.switchboard.media.rtp.RtpHeader;
import dev.switchboard.media.rtp.RtpSender;
import dev.switchboard.media.transport.FramePacer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's audio stream: an RTP socket, the caller-to-agent conversion, and the agent's voice paced out every
 * 20 ms.
 *
 * <pre>
 *  UDP in ─► RTP parse ─► latch remote ─► payload type? ─┬─► CallerAudioPath ─► listener.onCallerAudio
 *                                                        ├─► SpeechOnsetDetector ─► listener.onCallerSpeechStarted
 *                                                        └─► DtmfDetector ─► listener.onDtmf
 *  playAgentAudio ─► AgentAudioPath ─► PlayoutBuffer ─┐
 *  sendDtmf ─► DtmfSender ────────────────────────────┴─► (pacing tick) ─► RtpSender ─► UDP out
 * </pre>
 *
 * <p>The playout buffer holds the call's G.711 codes, the very payload the tick sends: an agent that speaks the
 * call's own law reaches the wire byte for byte, and any other format is encoded once, on the way in.
 *
 * <p>The speech detector runs only when {@link StreamSettings#localVad()} asks for it, for a provider that does not
 * tell when the caller starts talking.
 *
 * <p>DTMF both ways is RFC 4733 telephone-events, on the payload type offer/answer gave them. Digits the agent
 * sends take the pacing ticks they need, and the agent's voice waits in the playout buffer meanwhile.
 *
 * <p>Symmetric RTP (RFC 4961): replies go to the address the caller's packets actually come from, which behind a
 * NAT differs from the SDP. The first valid packet latches that address; a different source is only accepted
 * after the latched one has been silent for {@link #RELATCH_AFTER_NANOS}, so a stray or injected stream cannot
 * take over a live call.
 *
 * <p>Threading: every method runs on the call's event loop, which also owns the socket.
 */
public final class MediaSession implements FramePacer.Client {

    private static final Logger log = LoggerFactory.getLogger(MediaSession.class);
    static final long RELATCH_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);
    /**
     * Ticks without caller audio after which the gap is filled with silence. Phones that suppress silence, DTMF
     * bursts and a caller who simply stops sending all leave gaps; a speech model's VAD runs on the audio it is
     * given, so without this fill it would never hear the caller stop talking.
     */
    static final int GAP_FILL_AFTER_TICKS = 5;
    private static final int SAMPLES_PER_FRAME = 160;
    private static final int MAX_PAYLOAD = 1500;

    private final String name;
    private final int localPort;
    private final FramePacer pacer;
    private final MediaSessionListener listener;
    private final LongSupplier nanoClock;
    private final Consumer<MediaSession> onClose;
    private final RtpSender sender = new RtpSender(ThreadLocalRandom.current(), SAMPLES_PER_FRAME);
    private final DtmfSender dtmfOut = new DtmfSender(SAMPLES_PER_FRAME);
    private final DtmfDetector dtmfIn = new DtmfDetector();
    private final byte[] frame = new byte[SAMPLES_PER_FRAME];
    private final byte[] payload = new byte[MAX_PAYLOAD];
    private Channel channel;
    private StreamSettings settings;
    private CallerAudioPath callerAudio;
    private AgentAudioPath agentAudio;
    private PlayoutBuffer playout;
    /** Present only with {@link StreamSettings#localVad()}, with the caller's payload decoded for it. */
    private SpeechOnsetDetector callerSpeech;
    private short[] callerSamples;
    private InetSocketAddress remote;
    private boolean latched;
    private long lastRemotePacketNanos;
    private boolean closed;
    private long packetsReceived;
    private long packetsSent;
    private long malformed;
    private long foreign;
    private long silenceFilled;
    private long dtmfReceived;
    private int ticksWithoutCallerAudio;

    MediaSession(String name, int localPort, FramePacer pacer, MediaSessionListener listener,
            LongSupplier nanoClock, Consumer<MediaSession> onClose) {
        this.name = name;
        this.localPort = localPort;
        this.pacer = pacer;
        this.listener = listener;
        this.nanoClock = nanoClock;
        this.onClose = onClose;
    }

    void attach(Channel channel) {
        this.channel = channel;
    }

    public int localPort() {
        return localPort;
    }

    /** Starts the stream with the negotiated settings: audio flows both ways from now on. */
    public void start(StreamSettings settings) {
        if (closed || this.settings != null) {
            return;
        }
        this.settings = settings;
        this.remote = settings.remote();
        this.callerAudio = new CallerAudioPath(settings.codec(), settings.agentInput());
        this.agentAudio = new AgentAudioPath(settings.codec(), settings.agentOutput());
        this.playout = new PlayoutBuffer(settings.codec());
        if (settings.localVad()) {
            this.callerSpeech = new SpeechOnsetDetector();
            this.callerSamples = new short[MAX_PAYLOAD];
        }
        pacer.add(this);
    }

    /**
     * Queues a chunk of the agent's voice, in the agent's output format, behind what is already waiting. The
     * array is not kept: the caller may reuse it.
     */
    public void playAgentAudio(String itemId, int contentIndex, byte[] audio) {
        if (settings == null || closed) {
            return;
        }
        byte[] codes = agentAudio.convert(audio);
        playout.enqueue(itemId, contentIndex, codes, codes.length);
    }

    /**
     * Barge-in: drops all agent audio not yet sent, so the caller stops hearing the agent at the next tick, and
     * returns how much of the cut item was heard ({@code null} when nothing was cut).
     */
    public PlaybackPosition interruptPlayback() {
        if (playout == null) {
            return null;
        }
        PlaybackPosition cut = playout.flush();
        agentAudio.reset();
        sender.newTalkspurt();
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
        return playout != null && !playout.isEmpty();
    }

    /** Milliseconds of agent audio waiting to be sent. */
    public long bufferedMillis() {
        return playout == null ? 0 : playout.bufferedMillis();
    }

    public MediaStats stats() {
        return new MediaStats(packetsReceived, packetsSent, malformed, foreign, silenceFilled, dtmfReceived,
                dtmfOut.digitsSent());
    }

    /** The address RTP is sent to: the SDP's until a packet arrives, then the latched source. */
    public InetSocketAddress remote() {
        return remote;
    }

    /** Stops the stream, closes the socket and releases its port. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        dtmfOut.cancel(new MediaException(name + ": the call's media closed before the DTMF digits were sent"));
        if (settings != null) {
            pacer.remove(this);
        }
        if (channel != null) {
            channel.close();
        }
        onClose.accept(this);
    }

    @Override
    public void onTick() {
        fillCallerGap();
        switch (dtmfOut.tick(sender.timestamp(), this::sendEvent)) {
            case FREE -> sendAgentFrame();
            case PAUSE -> sender.skip();
            case SENT -> { }
        }
    }

    private void sendAgentFrame() {
        if (playout.poll(frame) == 0) {
            sender.skip();
            return;
        }
        send(sender.packet(channel.alloc(), settings.payloadType(), frame, SAMPLES_PER_FRAME));
    }

    private void sendEvent(DtmfSender.EventPacket event) {
        byte[] report = event.report().toBytes();
        send(sender.eventPacket(channel.alloc(), settings.telephoneEventPayloadType(), event.marker(),
                event.timestamp(), report, report.length));
    }

    private void send(ByteBuf packet) {
        channel.writeAndFlush(new DatagramPacket(packet, remote), channel.voidPromise());
        packetsSent++;
    }

    /**
     * Once the caller has sent nothing for {@link #GAP_FILL_AFTER_TICKS} ticks, hands the agent the silence it
     * missed, then one frame of silence per tick until audio returns, so the agent's clock keeps pace with real time.
     * The speech detector hears the gap as time without speech.
     */
    private void fillCallerGap() {
        ticksWithoutCallerAudio++;
        if (ticksWithoutCallerAudio < GAP_FILL_AFTER_TICKS) {
            return;
        }
        int frames = ticksWithoutCallerAudio == GAP_FILL_AFTER_TICKS ? GAP_FILL_AFTER_TICKS : 1;
        for (int i = 0; i < frames; i++) {
            listener.onCallerAudio(callerAudio.silence(SAMPLES_PER_FRAME));
            silenceFilled++;
            if (callerSpeech != null) {
                callerSpeech.gap(SAMPLES_PER_FRAME);
            }
        }
    }

    void onDatagram(InetSocketAddress source, ByteBuf datagram) {
        if (settings == null || closed) {
            return;
        }
        RtpHeader header = RtpHeader.parse(datagram);
        if (header == null || header.payloadLength() > MAX_PAYLOAD) {
            countMalformed(source, "not an RTP packet");
            return;
        }
        int payloadType = header.payloadType();
        boolean audio = payloadType == settings.payloadType();
        if (!audio && payloadType != settings.telephoneEventPayloadType()) {
            countMalformed(source, "unexpected payload type " + payloadType);
            return;
        }
        datagram.getBytes(header.payloadOffset(), payload, 0, header.payloadLength());
        TelephoneEvent event = audio ? null : TelephoneEvent.parse(payload, 0, header.payloadLength());
        if (!audio && event == null) {
            countMalformed(source, "telephone-event payload of " + header.payloadLength() + " bytes");
            return;
        }
        if (!acceptSource(source)) {
            return;
        }
        packetsReceived++;
        if (audio) {
            ticksWithoutCallerAudio = 0;
            listener.onCallerAudio(callerAudio.convert(payload, 0, header.payloadLength()));
            detectSpeech(header.payloadLength());
        } else {
            onTelephoneEvent(header, event);
        }
    }

    /** Runs the caller's audio, decoded from the payload whatever the agent takes, past the speech detector. */
    private void detectSpeech(int length) {
        if (callerSpeech == null) {
            return;
        }
        settings.codec().decode(payload, 0, length, callerSamples, 0);
        if (callerSpeech.accept(callerSamples, 0, length)) {
            listener.onCallerSpeechStarted();
        }
    }

    /**
     * A key press goes to the listener once, at its first packet. Events latch the remote like audio but do not
     * end a gap in caller audio: a phone sends no audio while a key is down, and the agent must keep hearing time
     * pass.
     */
    private void onTelephoneEvent(RtpHeader header, TelephoneEvent event) {
        DtmfDetector.KeyPress press = dtmfIn.accept(header.ssrc(), header.timestamp(), event);
        if (press != null) {
            dtmfReceived++;
            listener.onDtmf(press.digit());
        }
    }

    private boolean acceptSource(InetSocketAddress source) {
        long now = nanoClock.getAsLong();
        if (!source.equals(remote)) {
            boolean mayRelatch = !latched || now - lastRemotePacketNanos > RELATCH_AFTER_NANOS;
            if (!mayRelatch) {
                foreign++;
                return false;
            }
            log.info("{}: sending RTP to {} (packets come from there; SDP said {})", name, source, settings.remote());
            remote = source;
        }
        latched = true;
        lastRemotePacketNanos = now;
        return true;
    }

    private void countMalformed(InetSocketAddress source, String why) {
        if (malformed++ == 0) {
            log.warn("{}: dropping datagram from {}: {} (further drops are only counted)", name, source, why);
        }
    }

    @Override
    public String toString() {
        return "MediaSession[" + name + ", port " + localPort + "]";
    }
}
