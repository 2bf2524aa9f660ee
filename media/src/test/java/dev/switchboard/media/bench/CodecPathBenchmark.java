package dev.switchboard.media.bench;

import dev.switchboard.media.MediaFormat;
import dev.switchboard.media.audio.AgentAudioPath;
import dev.switchboard.media.audio.CallerAudioPath;
import dev.switchboard.media.audio.CallerStream;
import dev.switchboard.media.audio.Pcm16;
import dev.switchboard.media.codec.G711;
import dev.switchboard.media.codec.opus.OpusAnswer;
import dev.switchboard.media.codec.opus.OpusEncoderSettings;
import dev.switchboard.media.codec.opus.OpusFmtp;
import dev.switchboard.media.jitter.JitterBufferConfig;
import dev.switchboard.media.playout.OutboundFrames;
import dev.switchboard.media.voice.FrameEncoder;
import dev.switchboard.media.voice.VoiceCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * CPU per call for each codec path of the media engine: the caller's packet through the jitter buffer, decoder and
 * resampler to the agent's format, and the agent's 20 ms through resampler, playout buffer and encoder to a
 * payload — what one call costs its event loop every pacing tick, excluding sockets. Measured as this thread's CPU
 * time over many simulated call-seconds, after a warm-up.
 *
 * <p>Run with {@code deploy/bench/codecs.sh [SECONDS]} (call-seconds per path, default 600).
 */
public final class CodecPathBenchmark {

    private static final int FRAME_MILLIS = 20;

    private CodecPathBenchmark() {}

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        MediaFormat pcmu = new MediaFormat(MediaFormat.Encoding.PCMU, 8_000);
        List<Path> paths = List.of(
                new Path("G.711 pass-through (PCMU both ways)", new VoiceCodec.G711Voice(G711.MU_LAW), pcmu),
                new Path("G.711 <-> PCM16 24 kHz", new VoiceCodec.G711Voice(G711.MU_LAW), MediaFormat.PCM16_24K),
                new Path("G.722 <-> PCM16 24 kHz", new VoiceCodec.G722Voice(), MediaFormat.PCM16_24K),
                new Path("Opus <-> PCM16 24 kHz", opus(), MediaFormat.PCM16_24K));
        System.out.printf("CPU per call, %d call-seconds per path, one thread (%s, %d cores)%n", seconds,
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-38s %14s %14s %14s%n", "path", "us per 20 ms", "% of a core", "calls per core");
        for (Path path : paths) {
            run(path, 30);
            double micros = run(path, seconds);
            System.out.printf("%-38s %14.1f %14.3f %14.0f%n", path.name(), micros, micros / 200, 20_000 / micros);
        }
    }

    private static VoiceCodec opus() {
        OpusEncoderSettings voice = OpusEncoderSettings.voice(24_000);
        return new VoiceCodec.OpusVoice(OpusAnswer.negotiate(OpusFmtp.DEFAULTS, OptionalInt.empty(), voice, 24_000));
    }

    /** Simulates {@code seconds} of one call on {@code path}; returns CPU microseconds per 20 ms tick. */
    private static double run(Path path, int seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Call call = new Call(path);
        int ticks = seconds * 1000 / FRAME_MILLIS;
        long start = threads.getCurrentThreadCpuTime();
        for (int tick = 0; tick < ticks; tick++) {
            call.tick(tick);
        }
        long used = threads.getCurrentThreadCpuTime() - start;
        call.close();
        return used / 1_000.0 / ticks;
    }

    private record Path(String name, VoiceCodec codec, MediaFormat agent) {}

    /** One call's media work, fed a tone both ways: caller packets in, agent audio out. */
    private static final class Call {
        private final VoiceCodec codec;
        private final CallerStream caller;
        private final AgentAudioPath agentPath;
        private final OutboundFrames outbound;
        private final List<byte[]> callerPackets = new ArrayList<>();
        private final byte[] agentChunk;
        private final byte[] payload = new byte[1500];
        private long agentBytes;

        Call(Path path) {
            this.codec = path.codec();
            CallerAudioPath callerPath = new CallerAudioPath(codec, path.agent());
            this.caller = new CallerStream(codec, new JitterBufferConfig(codec.rtpClockRate(), 20, 200, 20, 64, -1,
                    codec.packetDuration()), callerPath, new CallerStream.Listener() {
                        @Override
                        public void agentAudio(byte[] audio) {
                            agentBytes += audio.length;
                        }

                        @Override
                        public void pcm(short[] pcm, int length) {
                        }
                    });
            this.agentPath = new AgentAudioPath(codec, path.agent());
            this.outbound = new OutboundFrames(codec);
            this.agentChunk = agentAudio(path.agent());
            encodeCallerPackets();
        }

        /** Fifty distinct caller packets of a 440 Hz tone, encoded once, sent round and round. */
        private void encodeCallerPackets() {
            int rate = codec.encodedRate();
            short[] frame = new short[rate / 50];
            try (FrameEncoder encoder = codec.newEncoder()) {
                for (int n = 0; n < 50; n++) {
                    for (int i = 0; i < frame.length; i++) {
                        frame[i] = (short) (6_000 * Math.sin(2 * Math.PI * 440 * (n * frame.length + i) / rate));
                    }
                    byte[] packet = new byte[encoder.maxPayloadBytes()];
                    int length = encoder.encode(frame, 0, packet, 0);
                    callerPackets.add(java.util.Arrays.copyOf(packet, length));
                }
            }
        }

        private static byte[] agentAudio(MediaFormat format) {
            int samples = format.sampleRate() / 50;
            short[] pcm = new short[samples];
            for (int i = 0; i < samples; i++) {
                pcm[i] = (short) (6_000 * Math.sin(2 * Math.PI * 300 * i / format.sampleRate()));
            }
            if (format.encoding() == MediaFormat.Encoding.PCM16_LE) {
                return Pcm16.toBytes(pcm, samples);
            }
            byte[] codes = new byte[samples];
            G711.MU_LAW.encode(pcm, 0, samples, codes, 0);
            return codes;
        }

        void tick(int tick) {
            long now = tick * 20_000_000L;
            caller.offer(0x1234, tick & 0xFFFF, (long) tick * codec.timestampsPerFrame() & 0xFFFF_FFFFL, tick == 0,
                    0, callerPackets.get(tick % callerPackets.size()), now);
            caller.tick(now);
            byte[] queued = agentPath.convert(agentChunk);
            outbound.buffer().enqueue("item", 0, queued, queued.length);
            outbound.next(payload);
        }

        void close() {
            caller.close();
            outbound.close();
            if (agentBytes == 0) {
                throw new IllegalStateException("no caller audio reached the agent: the benchmark measured nothing");
            }
        }
    }
}
