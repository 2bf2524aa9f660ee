package dev.switchboard.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.media.codec.G711;
import dev.switchboard.sip.testing.Audio;
import dev.switchboard.sip.testing.OrderLine;
import dev.switchboard.sip.testing.OrderWebhook;
import dev.switchboard.sip.testing.OutgoingCall;
import dev.switchboard.sip.testing.RtpPeer;
import dev.switchboard.sip.testing.SipText;
import dev.switchboard.sip.testing.SpokenReference;
import dev.switchboard.sip.testing.TestPhone;
import dev.switchboard.sip.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order line, offline: the local engine greets, the caller keys an order number as RFC 4733 events, the
 * engine calls the order_lookup tool over the realtime protocol, the server runs it (an HTTP webhook) and the
 * caller hears the answer — all checked against what the engine's voice says for the expected sentences.
 */
class OrderLineIT {

    private static OrderWebhook webhook;
    private static TestServer server;
    private static SpokenReference voice;

    @BeforeAll
    static void start() throws Exception {
        webhook = new OrderWebhook();
        server = TestServer.start(OrderLine.CONFIG, 30_700, Map.of("WEBHOOK", webhook.url()));
        voice = new SpokenReference();
    }

    @AfterAll
    static void stop() {
        server.close();
        webhook.close();
        voice.close();
    }

    @Test
    void keyingAnOrderNumberGetsItsStatusSpokenWithinASecondOfThePound() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = answered(phone, rtp);
            assertHears(rtp, "Welcome to the order line.", 0);

            int before = rtp.received().size();
            long poundPressed = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5 * 220);
            rtp.sendDtmf("12345#").get(5, TimeUnit.SECONDS);
            OrderWebhook.Request lookup = webhook.next(5);
            assertEquals("12345", lookup.body().path("arguments").path("order_id").asText());
            assertEquals("order_lookup", lookup.body().path("tool").asText());
            assertEquals(call.callId(), lookup.body().path("call").path("id").asText());
            double afterPound = (lookup.arrivalNanos() - poundPressed) / 1e6;
            assertTrue(afterPound < 1000, "the webhook was asked " + afterPound + " ms after the # key");

            assertHears(rtp, "Order 12345 is shipped.", before);
            assertEquals(200, call.bye().status());
        }
    }

    @Test
    void aFailingWebhookGetsASpokenApologyNotSilence() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = answered(phone, rtp);
            assertHears(rtp, "Welcome to the order line.", 0);
            int before = rtp.received().size();
            rtp.sendDtmf("99999#").get(5, TimeUnit.SECONDS);
            assertEquals("99999", webhook.next(5).body().path("arguments").path("order_id").asText());
            assertHears(rtp, "Sorry, I could not look up order 99999.", before);
            assertEquals(200, call.bye().status());
        }
    }

    @Test
    void endCallHangsUpOnceTheGoodbyeHasPlayed() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = answered(phone, rtp);
            assertHears(rtp, "Welcome to the order line.", 0);
            int before = rtp.received().size();
            rtp.sendDtmf("0#").get(5, TimeUnit.SECONDS);

            SipText bye = call.awaitByeFromServer(Duration.ofSeconds(15));
            assertTrue(bye.method().equals("BYE"));
            List<RtpPeer.Packet> packets = rtp.received();
            short[] goodbye = voice.speak("Goodbye.");
            Audio.Match heard = Audio.bestMatch(goodbye, decoded(packets.subList(before, packets.size())));
            assertTrue(heard.correlation() > 0.9, "the whole goodbye was heard before the BYE: " + heard);
        }
    }

    @Test
    void aSlowWebhookDoesNotStallTheCallAndBargeInStillWorks() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = answered(phone, rtp);
            assertHears(rtp, "Welcome to the order line.", 0);
            rtp.sendDtmf("55555#").get(5, TimeUnit.SECONDS);
            webhook.next(5); // the 3-second lookup is running; the agent says "One moment please..."
            rtp.awaitPackets(rtp.received().size() + 25, Duration.ofSeconds(5));

            long onset = System.nanoTime();
            rtp.send(Audio.concat(Audio.wav("/audio/hello-8k.wav"), Audio.silence(300)), G711.MU_LAW)
                    .get(10, TimeUnit.SECONDS);
            List<RtpPeer.Packet> packets = rtp.received();
            long lastAgentPacket = packets.get(packets.size() - 1).arrivalNanos();
            double stoppedAfter = (lastAgentPacket - onset) / 1e6;
            assertTrue(stoppedAfter < 500, "the agent stopped " + stoppedAfter + " ms after the caller spoke");
            assertTrue(phone.nothingArrives(m -> !m.isResponse(), Duration.ofMillis(200)));
            int afterBargeIn = rtp.received().size();
            // The lookup was cancelled with the barge-in: its late answer must not be spoken.
            assertTrue(rtp.received().size() == afterBargeIn && noAudioFor(rtp, OrderWebhook.SLOW_MILLIS + 1500),
                    "the cancelled lookup's answer was not spoken");
            assertEquals(200, call.bye().status());
        }
    }

    @Test
    void sendDtmfPlaysKeysToTheCallerAsRfc4733Events() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = answered(phone, rtp);
            assertHears(rtp, "Welcome to the order line.", 0);
            int before = rtp.received().size();
            rtp.sendDtmf("*#").get(5, TimeUnit.SECONDS);

            rtp.awaitPackets(before + 3 * 8, Duration.ofSeconds(5));
            List<RtpPeer.Packet> events = rtp.received().stream().filter(p -> p.payloadType() == 101).toList();
            StringBuilder keys = new StringBuilder();
            long lastEvent = -1;
            for (RtpPeer.Packet event : events) {
                if (event.timestamp() != lastEvent) {
                    keys.append("0123456789*#ABCD".charAt(event.payload()[0]));
                    lastEvent = event.timestamp();
                }
                assertEquals(4, event.payload().length);
            }
            assertEquals("123", keys.toString());
            assertTrue(events.getFirst().marker(), "RFC 4733 §2.5.1.1: the first packet of an event is marked");
            assertEquals(200, call.bye().status());
        }
    }

    @Test
    void digitsSentAsSipInfoWorkToo() throws Exception {
        try (TestPhone phone = new TestPhone(server.sip()); RtpPeer rtp = new RtpPeer()) {
            OutgoingCall call = answered(phone, rtp);
            assertHears(rtp, "Welcome to the order line.", 0);
            int before = rtp.received().size();
            for (char key : "12345#".toCharArray()) {
                assertEquals(200, call.info("application/dtmf-relay", "Signal=" + key + "\r\nDuration=160\r\n")
                        .status());
            }
            assertEquals("12345", webhook.next(5).body().path("arguments").path("order_id").asText());
            assertHears(rtp, "Order 12345 is shipped.", before);
            assertEquals(200, call.bye().status());
        }
    }

    private static OutgoingCall answered(TestPhone phone, RtpPeer rtp) {
        OutgoingCall call = phone.call("700", OutgoingCall.offer(rtp.port(), "0 101"));
        assertEquals(200, call.awaitFinal().status());
        call.ack();
        rtp.remote(call.serverRtp());
        return call;
    }

    /** Waits for the agent to finish a talkspurt and checks it was {@code sentence}, spoken whole. */
    private static void assertHears(RtpPeer rtp, String sentence, int fromPacket) throws Exception {
        short[] expected = voice.speak(sentence);
        rtp.awaitTalkspurtEnd(fromPacket + expected.length / 160 - 5, Duration.ofMillis(600), Duration.ofSeconds(20));
        List<RtpPeer.Packet> packets = rtp.received();
        Audio.Match heard = Audio.bestMatch(expected, decoded(packets.subList(fromPacket, packets.size())));
        assertTrue(heard.correlation() > 0.9, "heard \"" + sentence + "\": " + heard);
    }

    private static boolean noAudioFor(RtpPeer rtp, long millis) {
        int count = rtp.received().size();
        try {
            rtp.awaitPackets(count + 1, Duration.ofMillis(millis));
            return false;
        } catch (AssertionError quiet) {
            return true;
        }
    }

    private static short[] decoded(List<RtpPeer.Packet> packets) {
        short[] pcm = new short[packets.size() * 160];
        int at = 0;
        for (RtpPeer.Packet packet : packets) {
            if (packet.payloadType() == 0) {
                G711.MU_LAW.decode(packet.payload(), 0, packet.payload().length, pcm, at);
                at += packet.payload().length;
            }
        }
        return java.util.Arrays.copyOf(pcm, at);
    }
}
