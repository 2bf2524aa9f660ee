package dev.switchboard.sip.testing;

import dev.switchboard.agent.api.AudioFormat;
import dev.switchboard.agent.api.ClientEvent;
import dev.switchboard.agent.api.RealtimeSession;
import dev.switchboard.agent.api.ServerEvent;
import dev.switchboard.agent.api.SessionConfig;
import dev.switchboard.agent.local.LocalAgent;
import dev.switchboard.agent.local.LocalRealtimeServer;
import dev.switchboard.agent.openai.OpenAiEndpoint;
import dev.switchboard.agent.openai.OpenAiRealtimeTransport;
import dev.switchboard.agent.runtime.Greeting;
import dev.switchboard.media.audio.Pcm16;
import dev.switchboard.media.codec.Resampler;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the local engine sounds like saying a text, at the caller's 8 kHz: the reference a call's audio is
 * compared with to show the caller heard exactly that sentence. It asks a separate engine over the realtime
 * protocol (the offline voice is deterministic), the same way a call's agent does.
 */
public final class SpokenReference implements AutoCloseable {

    private final LocalRealtimeServer engine = LocalRealtimeServer.start("127.0.0.1", 0,
            Map.of("reference", new LocalAgent("reference", null, List.of())));
    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    /** {@code text} as spoken by the engine, resampled to 8 kHz as the call's media path does. */
    public short[] speak(String text) throws Exception {
        CompletableFuture<byte[]> spoken = new CompletableFuture<>();
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        EventLoop loop = group.next();
        OpenAiRealtimeTransport transport = new OpenAiRealtimeTransport(
                OpenAiEndpoint.bearer(engine.baseUri().toString(), null, "reference"));
        SessionConfig config = new SessionConfig("reference", "", null, AudioFormat.PCM16_24K, AudioFormat.PCM16_24K,
                List.of());
        RealtimeSession[] session = new RealtimeSession[1];
        loop.submit(() -> session[0] = transport.open(config, loop, event -> {
            switch (event) {
                case ServerEvent.SessionReady ready -> session[0].send(
                        new ClientEvent.CreateResponse(new Greeting(text, null).responseInstructions()));
                case ServerEvent.AudioDelta delta -> audio.writeBytes(delta.audio());
                case ServerEvent.ResponseDone done -> spoken.complete(audio.toByteArray());
                case ServerEvent.Closed closed -> spoken.completeExceptionally(new AssertionError(closed.reason()));
                default -> { }
            }
        })).get(5, TimeUnit.SECONDS);
        byte[] pcm24k = spoken.get(20, TimeUnit.SECONDS);
        loop.submit(() -> session[0].close()).get(5, TimeUnit.SECONDS);
        short[] samples = Pcm16.toSamples(pcm24k);
        Resampler down = Resampler.create(24_000, 8_000);
        short[] pcm8k = new short[down.maxOutputLength(samples.length)];
        int produced = down.process(samples, 0, samples.length, pcm8k, 0);
        return java.util.Arrays.copyOf(pcm8k, produced);
    }

    @Override
    public void close() {
        engine.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
