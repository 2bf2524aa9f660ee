package dev.switchboard.agent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.DefaultEventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A response's life on its own event loop, with audio that the test delivers when it chooses. */
class ResponseStreamerTest {

    private static final long TIMEOUT_SECONDS = 5;

    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final BlockingQueue<ObjectNode> sent = new LinkedBlockingQueue<>();
    private final CompletableFuture<ResponseStreamer> finished = new CompletableFuture<>();
    private final Conversation conversation = new Conversation();
    private final Ids ids = new Ids();

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }

    private ResponseStreamer streamer(List<ResponseOutput> outputs) {
        EventSink sink = new EventSink() {
            @Override
            public void send(ObjectNode event) {
                sent.add(event);
            }

            @Override
            public boolean writable() {
                return true;
            }
        };
        ResponseStreamer.Context context = new ResponseStreamer.Context(new ServerEvents(ids), sink, loop,
                Duration.ZERO, ids, "conv_test", conversation, finished::complete);
        ObjectNode outputAudio = JsonNodeFactory.instance.objectNode().put("voice", "alloy");
        return new ResponseStreamer(context, "resp_test", outputAudio, outputs);
    }

    private void onLoop(Runnable action) throws Exception {
        loop.submit(action).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private JsonNode expect(String type) throws InterruptedException {
        ObjectNode event = sent.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(event, "no " + type);
        assertEquals(type, event.get("type").textValue(), event::toString);
        return event;
    }

    @Test
    void aCancelWhileSpeechIsSynthesisedEndsTheResponseAndCallsOffTheSynthesis() throws Exception {
        CompletableFuture<byte[]> pcm = new CompletableFuture<>();
        ResponseStreamer response = streamer(List.of(new ResponseOutput.Audio("Hello.", pcm)));

        onLoop(response::start);
        expect("response.created");
        onLoop(() -> assertNull(sent.peek(), "nothing but waiting while the voice works"));
        onLoop(() -> response.cancel("client_cancelled"));
        JsonNode done = expect("response.done").get("response");
        assertEquals("cancelled", done.get("status").textValue());
        assertEquals(0, done.get("output").size());
        assertTrue(finished.isDone());

        assertTrue(pcm.isCancelled(), "the voice need not render what nobody will hear");
        onLoop(() -> { });
        assertNull(sent.poll(), "nothing follows response.done");
        assertNull(conversation.lastItemId());
    }

    @Test
    void aSynthesisFailureFailsTheResponse() throws Exception {
        CompletableFuture<byte[]> pcm = new CompletableFuture<>();
        ResponseStreamer response = streamer(List.of(new ResponseOutput.Audio("Hello.", pcm)));

        onLoop(response::start);
        expect("response.created");
        pcm.completeExceptionally(new IllegalStateException("voice missing"));

        JsonNode done = expect("response.done").get("response");
        assertEquals("failed", done.get("status").textValue());
        assertEquals("speech_synthesis_failed", done.at("/status_details/error/code").textValue());
        assertTrue(done.at("/status_details/error/message").textValue().contains("voice missing"));
        assertNotNull(finished.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void outputsFollowEachOtherWithTheirIndexesAndEnterTheConversation() throws Exception {
        byte[] audio = new byte[ResponseStreamer.DELTA_BYTES + 480];
        ResponseStreamer response = streamer(List.of(
                new ResponseOutput.Audio("One moment.", CompletableFuture.completedFuture(audio)),
                new ResponseOutput.FunctionCall("call_1", "lookup", "{\"id\":\"7\"}")));

        onLoop(response::start);
        finished.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        List<ObjectNode> events = List.copyOf(sent);
        List<String> types = events.stream().map(e -> e.get("type").textValue()).toList();
        assertEquals(List.of("response.created", "response.output_item.added", "conversation.item.added",
                "response.content_part.added", "response.output_audio_transcript.delta", "response.output_audio.delta",
                "response.output_audio.delta", "response.output_audio.done", "response.output_audio_transcript.done",
                "response.content_part.done", "response.output_item.done", "conversation.item.done",
                "response.output_item.added", "conversation.item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.delta", "response.function_call_arguments.done",
                "response.output_item.done", "conversation.item.done", "response.done"), types);
        assertEquals(0, events.get(7).get("output_index").intValue());
        assertEquals(1, events.get(16).get("output_index").intValue());

        JsonNode output = events.getLast().at("/response/output");
        String messageId = output.get(0).get("id").textValue();
        String callId = output.get(1).get("id").textValue();
        assertEquals(callId, conversation.lastItemId());
        assertEquals(messageId, events.get(13).get("previous_item_id").textValue());
        assertEquals("{\"id\":\"7\"}", conversation.get(callId).get("arguments").textValue());
        assertEquals("One moment.", conversation.get(messageId).at("/content/0/transcript").textValue());
    }
}
