package dev.switchboard.sip.server;

import dev.switchboard.media.MediaEngine;
import dev.switchboard.sip.admin.AdminView;
import dev.switchboard.sip.call.Call;
import dev.switchboard.sip.call.CallRegistry;
import java.util.List;

/** The admin API's window onto the live server. */
final class ServerAdminView implements AdminView {

    private final CallRegistry calls;
    private final MediaEngine media;
    private final long startedNanos = System.nanoTime();

    ServerAdminView(CallRegistry calls, MediaEngine media) {
        this.calls = calls;
        this.media = media;
    }

    @Override
    public List<CallSummary> calls() {
        return calls.calls().stream()
                .map(c -> new CallSummary(c.callId(), c.phase().name(), c.agentName(), c.durationMillis()))
                .toList();
    }

    @Override
    public boolean hangUp(String callId) {
        return calls.find(callId).map(call -> {
            call.hangUp("hung up through the admin API");
            return true;
        }).orElse(false);
    }

    @Override
    public String metrics() {
        StringBuilder out = new StringBuilder();
        metric(out, "switchboard_calls_active", "gauge", "Calls in progress.", calls.size());
        metric(out, "switchboard_calls_total", "counter", "Calls admitted since start.", calls.admittedCalls());
        metric(out, "switchboard_rtp_port_pairs_available", "gauge", "RTP port pairs free.", media.availablePorts());
        metric(out, "switchboard_rtp_port_pairs", "gauge", "RTP port pairs in the range.", media.portCapacity());
        metric(out, "switchboard_rtp_packets_received_total", "counter",
                "RTP packets received by calls that have ended.", media.packetsReceived());
        metric(out, "switchboard_rtp_packets_sent_total", "counter",
                "RTP packets sent by calls that have ended.", media.packetsSent());
        metric(out, "switchboard_uptime_seconds", "gauge", "Seconds since start.",
                (System.nanoTime() - startedNanos) / 1_000_000_000L);
        return out.toString();
    }

    private static void metric(StringBuilder out, String name, String type, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(' ').append(value).append('\n');
    }
}
