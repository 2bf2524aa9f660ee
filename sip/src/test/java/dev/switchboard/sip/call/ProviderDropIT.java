package dev.switchboard.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.openai.FakeOpenAiProvider;
import dev.switchboard.agent.openai.FakeOpenAiProvider.Connection;
import dev.switchboard.media.codec.G711;
import dev.switchboard.sip.testing.Audio;
import dev.switchboard.sip.testing.Eventually;
import dev.switchboard.sip.testing.OrderWebhook;
import dev.switchboard.sip.testing.OutgoingCall;
import dev.switchboard.sip.testing.RtpPeer;
import dev.switchboard.sip.testing.SpokenReference;
import dev.switchboard.sip.testing.TestPhone;
import dev.switchboard.sip.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole calls against an OpenAI-protocol provider that misbehaves the way real ones do: its socket cut in the
 * middle of a reply, an outage while the call waits, a tool call in flight when the connection goes. The call
 * stays up, the conversation goes on with its context, every tool runs exactly once, a caller kept waiting hears a
 * hold message, and a PCMU call's audio goes through to and from the provider byte for byte.
 */
class ProviderDropIT {

    private static final String CONFIG = TestServer.LOOPBACK + """
            providers:
              openai:
                type: openai
                api_key: "sk-test-drops"
                base_url: "${PROVIDER}"
                reconnect: { attempts: 10, initial_backoff: 250ms, max_backoff: 1s }
            tools:
              order_lookup:
                description: Look up an order
                parameters: { type: object, properties: { order_id: { type: string } }, required: [order_id] }
                webhook: { url: "${WEBHOOK}", timeout: 5s }
            agents:
              support:
                provider: openai
                instructions: "You answer the order line."
                tools: [order_lookup]
                hold_after: 10s
              patient:
                provider: openai
                hold_message: "Please hold while I reconnect."
                hold_after: 500ms
            numbers:
              "900": support
              "901": patient
            """;
    private static final String HOLD_MESSAGE = "Please hold while I reconnect.";
    /** What "reachable again" may cost at most: reconnect backoff, handshake, restore, the new request. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(2);

    private static FakeOpenAiProvider provider;
    private static OrderWebhook webhook;
    private static TestServer server;
    private static SpokenReference voice;
    private TestPhone phone;
    private RtpPeer rtp;
    private OutgoingCall call;

    @BeforeAll
    static void start() throws Exception {
        provider = new FakeOpenAiProvider();
        webhook = new OrderWebhook();
        server = TestServer.start(CONFIG, 31_000, Map.of("PROVIDER", provider.baseUrl(), "WEBHOOK", webhook.url()));
        voice = new SpokenReference();
    }

    @AfterAll
    static void stop() {
        server.close();
        webhook.close();
        provider.close();
        voice.close();
    }

    /** Calls {@code number} and returns the provider connection its agent opened. */
    private Connection dial(String number) throws Exception {
        phone = new TestPhone(server.sip());
        rtp = new RtpPeer();
        call = phone.call(number, OutgoingCall.offer(rtp.port(), "0"));
        assertEquals(200, call.awaitFinal().status());
        call.ack();
        rtp.remote(call.serverRtp());
        Connection connection = provider.nextConnection();
        connection.await("session.update");
        return connection;
    }

    @AfterEach
    void hangUp() throws Exception {
        call.bye();
        rtp.close();
        phone.close();
        Eventually.await(() -> server.server().calls().size() == 0, Duration.ofSeconds(5), () -> "call ended");
    }

    @Test
    void aPcmuCallPassesTheRtpPayloadToTheProviderAndBackUntouched() throws Exception {
        Connection connection = dial("900");
        JsonNode audio = connection.await("session.update").path("session").path("audio");
        assertEquals("audio/pcmu", audio.at("/input/format/type").asText(), audio.toString());
        assertEquals("audio/pcmu", audio.at("/output/format/type").asText(), audio.toString());

        List<byte[]> spoken = payloads(new Random(7), 25);
        rtp.sendPayloads(0, spoken).get(5, java.util.concurrent.TimeUnit.SECONDS);
        Eventually.await(() -> containsInOrder(connection.appendedAudio(), spoken), Duration.ofSeconds(5),
                () -> "every RTP payload appended to the provider's buffer as it came, in order");

        byte[] reply = concat(payloads(new Random(11), 40));
        connection.speak("Hello there.", reply);
        Eventually.await(() -> indexOf(heard(), reply, 0) >= 0, Duration.ofSeconds(5),
                () -> "the caller hears the provider's μ-law bytes unchanged");
    }

    @Test
    void aCallSurvivesItsProviderDroppingMidReplyAndAnOutage() throws Exception {
        Connection first = dial("900");
        first.callTool("call_1", "order_lookup", "{\"order_id\":\"12345\"}");
        webhook.next(5);
        first.await("conversation.item.create", event -> "call_1".equals(event.at("/item/call_id").asText())
                && "function_call_output".equals(event.at("/item/type").asText()));
        first.await("response.create");

        provider.outage();
        first.speakAndDrop(concat(payloads(new Random(3), 10)), 2);
        Eventually.await(() -> provider.refusedAttempts() >= 2, Duration.ofSeconds(5),
                () -> "the call keeps trying while the provider is down");
        provider.recover();
        long reachable = System.nanoTime();

        Connection second = provider.nextConnection();
        JsonNode asked = second.await("response.create");
        long recovered = Duration.ofNanos(System.nanoTime() - reachable).toMillis();
        assertTrue(recovered < RECOVERY_BOUND.toMillis(), "conversation resumed " + recovered + " ms after the "
                + "provider was reachable again");

        JsonNode session = second.await("session.update").path("session");
        assertEquals("You answer the order line.", session.path("instructions").asText().lines().findFirst()
                .orElse(""), "instructions restored");
        assertEquals("order_lookup", session.at("/tools/0/name").asText(), "tools restored");
        List<JsonNode> restored = second.received("conversation.item.create");
        assertEquals(1, count(restored, "function_call", "call_1"), "the tool call is in the restored context");
        assertEquals(1, count(restored, "function_call_output", "call_1"), "its result too, once: " + restored);
        assertTrue(second.received().indexOf(asked) > second.received().indexOf(restored.getLast()),
                "the response is asked for after the context is back");

        byte[] answer = concat(payloads(new Random(5), 20));
        second.speak("Order 12345 has shipped.", answer);
        Eventually.await(() -> indexOf(heard(), answer, 0) >= 0, Duration.ofSeconds(5),
                () -> "the caller hears the reply from the new connection");
        assertNull(webhook.poll(), "the tool ran once");
    }

    @Test
    void aToolCallInFlightWhenTheSocketDropsIsAnsweredOnceOnTheNewConnection() throws Exception {
        Connection first = dial("900");
        first.callTool("call_2", "order_lookup", "{\"order_id\":\"55555\"}");
        webhook.next(5);
        first.drop();

        Connection second = provider.nextConnection();
        JsonNode output = second.await("conversation.item.create",
                event -> "function_call_output".equals(event.at("/item/type").asText()));
        assertEquals("call_2", output.at("/item/call_id").asText());
        assertTrue(output.at("/item/output").asText().contains("processing"), output.toString());
        second.await("response.create", event -> second.received().indexOf(event) > second.received().indexOf(output));

        List<JsonNode> items = second.received("conversation.item.create");
        assertEquals(1, count(items, "function_call", "call_2"), "the call is in the restored context: " + items);
        assertEquals(1, count(items, "function_call_output", "call_2"), "its result sent once: " + items);
        assertEquals(0, count(first.received("conversation.item.create"), "function_call_output", "call_2"));
        assertNull(webhook.poll(), "the tool ran once");
    }

    @Test
    void aCallerKeptWaitingByAnOutageHearsTheHoldMessageThenTheAgent() throws Exception {
        Connection first = dial("901");
        provider.outage();
        first.drop();

        short[] message = voice.speak(HOLD_MESSAGE);
        Eventually.await(() -> Audio.bestMatch(message, decoded()).correlation() > 0.9, Duration.ofSeconds(8),
                () -> "the caller hears the hold message: " + Audio.bestMatch(message, decoded()));
        provider.recover();

        Connection second = provider.nextConnection();
        second.await("session.update");
        byte[] answer = concat(payloads(new Random(13), 20));
        second.speak("Thanks for holding.", answer);
        Eventually.await(() -> indexOf(heard(), answer, 0) >= 0, Duration.ofSeconds(5),
                () -> "the agent speaks again once the provider is back");
    }

    private short[] decoded() {
        byte[] heard = heard();
        short[] pcm = new short[heard.length];
        G711.MU_LAW.decode(heard, 0, heard.length, pcm, 0);
        return pcm;
    }

    private byte[] heard() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rtp.received().forEach(packet -> out.writeBytes(packet.payload()));
        return out.toByteArray();
    }

    private static long count(List<JsonNode> items, String type, String callId) {
        return items.stream().filter(event -> type.equals(event.at("/item/type").asText())
                && callId.equals(event.at("/item/call_id").asText())).count();
    }

    /**
     * 20 ms μ-law payloads of random bytes: no codec would reproduce them, only a pass-through. The first and last
     * are μ-law silence, as a voice's talkspurt starts and ends quiet, so the playout's edge fades leave them be.
     */
    private static List<byte[]> payloads(Random random, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            byte[] payload = new byte[160];
            if (i == 0 || i == count - 1) {
                java.util.Arrays.fill(payload, (byte) 0xFF);
            } else {
                random.nextBytes(payload);
            }
            return payload;
        }).toList();
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static boolean containsInOrder(byte[] stream, List<byte[]> parts) {
        int from = 0;
        for (byte[] part : parts) {
            int at = indexOf(stream, part, from);
            if (at < 0) {
                return false;
            }
            from = at + part.length;
        }
        return true;
    }

    private static int indexOf(byte[] stream, byte[] part, int from) {
        outer:
        for (int i = from; i + part.length <= stream.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (stream[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
