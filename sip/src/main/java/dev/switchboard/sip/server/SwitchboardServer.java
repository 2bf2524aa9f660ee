package dev.switchboard.sip.server;

import dev.switchboard.config.MediaConfig;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.media.MediaEngine;
import dev.switchboard.sip.admin.AdminServer;
import dev.switchboard.sip.call.CallRegistry;
import dev.switchboard.sip.call.CallServices;
import dev.switchboard.media.recording.Recorder;
import dev.switchboard.sip.stack.SipDispatcher;
import dev.switchboard.sip.stack.SipEndpoint;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Switchboard: providers, media engine, SIP endpoint and admin API, built by hand from the
 * configuration and stopped in the reverse order.
 */
public final class SwitchboardServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SwitchboardServer.class);
    private static final long DRAIN_SECONDS = 5;

    private final List<AutoCloseable> parts = new ArrayList<>();
    private CallRegistry calls;
    private MediaEngine media;
    private AdminServer admin;

    private SwitchboardServer() {}

    /** Starts everything the configuration describes; on failure, stops what had started and rethrows. */
    public static SwitchboardServer start(SwitchboardConfig config) {
        SwitchboardServer server = new SwitchboardServer();
        try {
            server.startParts(config);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void startParts(SwitchboardConfig config) {
        Set<String> usedProviders = new LinkedHashSet<>();
        config.agents().values().forEach(agent -> usedProviders.add(agent.provider()));
        Providers providers = own(Providers.start(config.providers(), usedProviders, Providers.localAgents(config)));
        ExecutorService tools = Executors.newVirtualThreadPerTaskExecutor();
        parts.add(0, tools::shutdownNow);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        parts.add(0, http::shutdownNow);
        Prompts prompts = own(new Prompts());
        ConfiguredAgents agents = new ConfiguredAgents(config, providers, http, prompts);
        MediaConfig mediaConfig = config.media();
        media = own(MediaEngine.start(Runtime.getRuntime().availableProcessors(), mediaConfig.bind(),
                mediaConfig.rtpPorts().first(), mediaConfig.rtpPorts().last(), MediaSettings.tuning(mediaConfig)));
        Recorder recorder = agents.records() ? own(Recorder.start(Path.of("."), Clock.systemUTC())) : null;
        String mediaAddress = mediaConfig.address() != null ? mediaConfig.address() : detectAddress();
        String contactHost = config.sip().externalAddress() != null ? config.sip().externalAddress() : mediaAddress;
        SipEndpoint sip = own(SipEndpoint.start(config.sip(), contactHost));
        CallServices services = new CallServices(sip, media, agents, mediaAddress,
                MediaSettings.codecPolicies(config), mediaConfig.opus(), config.sip().ackTimeout(), tools, recorder);
        calls = new CallRegistry(services, config.sip().maxCalls(), media::nextLoop);
        parts.add(0, this::drainCalls);
        sip.listen(new SipDispatcher(sip, calls));
        admin = own(AdminServer.start(config.admin(), new ServerAdminView(calls, media)));
        config.numbers().forEach((number, agent) -> log.info("number {} -> agent {}", number, agent));
    }

    private static String detectAddress() {
        String address = MediaAddress.detect();
        log.warn("media.address is not set; using {} in SDP. Set it to the address callers can reach.", address);
        return address;
    }

    /** Registers a started part, to be closed (in reverse order) on shutdown. */
    private <T extends AutoCloseable> T own(T part) {
        parts.add(0, part);
        return part;
    }

    private void drainCalls() {
        try {
            calls.hangUpAll("server shutting down").get(DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("{} calls still up after {} s; stopping anyway", calls.size(), DRAIN_SECONDS);
        } catch (Exception e) {
            log.warn("while hanging up calls: {}", e.toString());
        }
    }

    public CallRegistry calls() {
        return calls;
    }

    public MediaEngine media() {
        return media;
    }

    public int adminPort() {
        return admin.port();
    }

    @Override
    public void close() {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("while stopping {}: {}", part, e.toString());
            }
        }
        parts.clear();
    }
}
