package dev.switchboard.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A loopback stand-in for Gemini Live that speaks its wire protocol as realtime-protocols §6 describes it: the
 * upgrade only on the {@code BidiGenerateContent} path (404 elsewhere), {@code setup} first and only once,
 * {@code setupComplete} in reply, server JSON in <em>binary</em> frames (§0), failures as close codes (§6.8:
 * 1007 for a bad key, bad JSON or a malformed request, 1008 for an unknown model), and function responses that
 * must name a call it made with that call's name (§6.5).
 *
 * <p>Scripted behaviour: {@link #replyToAudio} plays a model turn once enough caller audio has come in;
 * {@link #replyToToolResponses} plays one after each valid tool response; {@link #ignoreSetup} never answers
 * setup; {@link #refuseUpgrades} answers every upgrade with an HTTP error. Everything else is pushed by the test
 * through the {@link Peer}.
 */
public final class FakeGeminiServer implements AutoCloseable {

    static final String PATH = "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
    static final Duration WAIT = Duration.ofSeconds(5);
    /** 100 ms of PCM16 at 24 kHz: the size of the model-turn chunks the server streams. */
    static final int OUTPUT_CHUNK_BYTES = 4_800;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A model turn to play: its voice (PCM16 24 kHz) and transcript. */
    public record Turn(byte[] audio, String transcript) {}

    private final String apiKey;
    private final String wireModel;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<Peer> peers = new LinkedBlockingQueue<>();
    private final Channel serverChannel;
    private volatile Turn audioReply;
    private volatile int audioReplyAfterBytes;
    private volatile Turn toolReply;
    private volatile boolean answersSetup = true;
    private volatile HttpResponseStatus refusal;

    /**
     * @param apiKey    the only key accepted
     * @param wireModel the only model that exists, as {@code setup.model} names it ({@code models/…})
     */
    public FakeGeminiServer(String apiKey, String wireModel) {
        this.apiKey = apiKey;
        this.wireModel = wireModel;
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                new UpgradeGate(),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath(PATH)
                                        .maxFramePayloadLength(1 << 20)
                                        .handleCloseFrames(false)
                                        .sendCloseFrame(null)
                                        .build()),
                                new PeerHandler());
                    }
                })
                .bind("127.0.0.1", 0)
                .syncUninterruptibly()
                .channel();
    }

    /** The Gemini endpoint URI on this server. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) serverChannel.localAddress()).getPort() + PATH);
    }

    /** Plays {@code turn} once a connection has received at least {@code afterBytes} of caller audio. */
    public void replyToAudio(int afterBytes, Turn turn) {
        audioReplyAfterBytes = afterBytes;
        audioReply = turn;
    }

    /** Plays {@code turn} after each valid tool response, as Gemini answers a tool result on its own. */
    void replyToToolResponses(Turn turn) {
        toolReply = turn;
    }

    /** Accepts connections but never answers setup. */
    void ignoreSetup() {
        answersSetup = false;
    }

    /** Answers every upgrade request with {@code status} instead of switching protocols. */
    void refuseUpgrades(HttpResponseStatus status) {
        refusal = status;
    }

    public Peer nextPeer() throws InterruptedException {
        return take(peers, "a client connection");
    }

    /** The next connection within {@code wait}, or {@code null}. */
    Peer pollPeer(Duration wait) throws InterruptedException {
        return peers.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static <T> T take(BlockingQueue<T> queue, String what) throws InterruptedException {
        T next = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(next, "no " + what + " within " + WAIT);
        return next;
    }

    /** Google's error body for a refused HTTP request. */
    private static String errorBody(HttpResponseStatus status, String message) {
        return "{\"error\":{\"code\":" + status.code() + ",\"message\":\"" + message + "\",\"status\":\""
                + status.reasonPhrase().toUpperCase().replace(' ', '_') + "\"}}";
    }

    /** One client connection, seen from the server. Its methods may be called from any thread. */
    public final class Peer {

        private final Channel channel;
        private final String keyHeader;
        private final CompletableFuture<JsonNode> setup = new CompletableFuture<>();
        private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final BlockingQueue<Integer> closeFrames = new LinkedBlockingQueue<>();
        /** Calls this server made and has not had answered: id to name. Touched on the server's loop only. */
        private final Map<String, String> pendingCalls = new HashMap<>();
        private final ByteArrayOutputStream audioIn = new ByteArrayOutputStream();
        private boolean audioReplied;
        private volatile boolean closeSent;

        private Peer(Channel channel, String keyHeader) {
            this.channel = channel;
            this.keyHeader = keyHeader;
        }

        /** The client's {@code x-goog-api-key} header, or {@code null}. */
        String keyHeader() {
            return keyHeader;
        }

        /** The {@code setup} object the client sent first. */
        public JsonNode setup() throws Exception {
            return setup.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** The next message the client sent after {@code setup}. */
        JsonNode nextMessage() throws InterruptedException {
            return take(messages, "message from the client");
        }

        /** Skips the client's messages up to the next one with top-level {@code key}. */
        public JsonNode nextMessageWith(String key) throws InterruptedException {
            while (true) {
                JsonNode message = nextMessage();
                if (message.has(key)) {
                    return message;
                }
            }
        }

        /** The status code of the next close frame the client sent (-1 for none in it). */
        int nextCloseFrame() throws InterruptedException {
            return take(closeFrames, "close frame from the client");
        }

        /** Sends server JSON the way Gemini does: in a binary frame. */
        void send(String json) {
            channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.copiedBuffer(json, StandardCharsets.UTF_8)));
        }

        /** Sends server JSON in a text frame, which a client must read just the same. */
        void sendAsText(String json) {
            channel.writeAndFlush(new TextWebSocketFrame(json));
        }

        /** Streams a whole model turn: audio chunks, its transcript, generationComplete, turnComplete. */
        public void playTurn(Turn turn) {
            for (int at = 0; at < turn.audio().length; at += OUTPUT_CHUNK_BYTES) {
                send(GeminiServerJson.audio(Arrays.copyOfRange(turn.audio(), at,
                        Math.min(turn.audio().length, at + OUTPUT_CHUNK_BYTES))));
            }
            send(GeminiServerJson.outputTranscription(turn.transcript()));
            send(GeminiServerJson.generationComplete());
            send(GeminiServerJson.turnComplete());
        }

        /** Asks the client to call a function; its response must carry this id and name. */
        void sendToolCall(String id, String name, String argsJson) {
            channel.eventLoop().execute(() -> {
                pendingCalls.put(id, name);
                send(GeminiServerJson.toolCall(id, name, argsJson));
            });
        }

        /** Closes as Gemini reports failures: a close frame with a code and reason. */
        void close(int code, String reason) {
            closeSent = true;
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
        }

        /** Drops the TCP connection without a closing handshake. */
        void drop() {
            channel.close();
        }

        boolean awaitDisconnected() {
            return channel.closeFuture().awaitUninterruptibly(WAIT.toMillis());
        }

        /** Handles one client message, on the server's loop. */
        private void receive(String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (Exception e) {
                close(1007, "Invalid JSON payload received.");
                return;
            }
            if (!setup.isDone()) {
                acceptSetup(message);
                return;
            }
            messages.add(message);
            if (message.has("setup")) {
                close(1007, "Invalid argument: setup must be the first message and is sent only once.");
            } else if (message.has("realtimeInput")) {
                realtimeInput(message.get("realtimeInput"));
            } else if (message.has("toolResponse")) {
                toolResponse(message.get("toolResponse"));
            } else if (!message.has("clientContent")) {
                close(1007, "Invalid JSON payload received. Unknown message.");
            }
        }

        private void acceptSetup(JsonNode message) {
            JsonNode body = message.path("setup");
            setup.complete(body);
            if (!body.isObject()) {
                close(1007, "Invalid argument: the first message must be setup.");
            } else if (!apiKey.equals(keyHeader)) {
                close(1007, "API key not valid. Please pass a valid API key.");
            } else if (!wireModel.equals(body.path("model").asText())) {
                close(1008, "Requested entity was not found.");
            } else if (answersSetup) {
                send(GeminiServerJson.setupComplete());
            }
        }

        private void realtimeInput(JsonNode input) {
            JsonNode audio = input.path("audio");
            if (audio.isMissingNode()) {
                return;
            }
            if (!"audio/pcm;rate=16000".equals(audio.path("mimeType").asText())) {
                close(1007, "Invalid argument: unsupported audio mime type " + audio.path("mimeType").asText());
                return;
            }
            audioIn.writeBytes(Base64.getDecoder().decode(audio.path("data").asText()));
            Turn reply = audioReply;
            if (reply != null && !audioReplied && audioIn.size() >= audioReplyAfterBytes) {
                audioReplied = true;
                playTurn(reply);
            }
        }

        private void toolResponse(JsonNode response) {
            for (JsonNode answer : response.path("functionResponses")) {
                String name = pendingCalls.remove(answer.path("id").asText());
                if (name == null || !name.equals(answer.path("name").asText())
                        || !answer.path("response").isObject()) {
                    close(1007, "Invalid argument: the function response does not match a pending function call.");
                    return;
                }
            }
            Turn reply = toolReply;
            if (reply != null) {
                playTurn(reply);
            }
        }
    }

    /** Refuses upgrades when told to, and answers 404 off the BidiGenerateContent path, as Google's front end does. */
    private final class UpgradeGate extends SimpleChannelInboundHandler<FullHttpRequest> {

        UpgradeGate() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            HttpResponseStatus status = refusal != null ? refusal
                    : URI.create(request.uri()).getPath().equals(PATH) ? null : HttpResponseStatus.NOT_FOUND;
            if (status == null) {
                ctx.fireChannelRead(request);
                return;
            }
            ReferenceCountUtil.release(request);
            ByteBuf body = Unpooled.copiedBuffer(errorBody(status, "refused by the fake"), StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Completes the handshake and hands each connection's frames to its {@link Peer}. */
    private final class PeerHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

        private Peer peer;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
                peer = new Peer(ctx.channel(), handshake.requestHeaders().get(GeminiEndpoint.API_KEY_HEADER));
                peers.add(peer);
            } else {
                super.userEventTriggered(ctx, event);
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            switch (frame) {
                case TextWebSocketFrame text -> peer.receive(text.text());
                case BinaryWebSocketFrame binary -> peer.receive(binary.content().toString(StandardCharsets.UTF_8));
                case CloseWebSocketFrame close -> answerClose(ctx, close);
                default -> { }
            }
        }

        /** RFC 6455 §5.5.1: answer a close with a close unless one was sent already, then end the connection. */
        private void answerClose(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
            peer.closeFrames.add(close.statusCode());
            if (peer.closeSent) {
                ctx.close();
                return;
            }
            peer.closeSent = true;
            ctx.writeAndFlush(new CloseWebSocketFrame(true, 0, close.content().retainedDuplicate()))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }
}
