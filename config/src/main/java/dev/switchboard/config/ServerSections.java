package dev.switchboard.config;

import java.util.List;

/** Binds the {@code sip:} and {@code admin:} sections, applying defaults ({@code media:} is {@link MediaSections}). */
final class ServerSections {

    static final List<String> SIP_KEYS = List.of("listen", "transports", "external_address", "ack_timeout",
            "max_calls", "requests_per_second", "user_agent");
    static final List<String> ADMIN_KEYS = List.of("listen", "token");

    private ServerSections() {
    }

    /** {@code external_address} defaults to the media address, which may itself be auto-detected. */
    static SipConfig sip(MapView sip, MediaConfig media) {
        SipConfig defaults = SipConfig.defaults();
        return new SipConfig(
                sip.hostPort("listen", defaults.listen()),
                sip.choices("transports", "transport", SipConfig.TRANSPORTS, defaults.transports()),
                sip.host("external_address", media.address()),
                sip.duration("ack_timeout", defaults.ackTimeout()),
                sip.integer("max_calls", defaults.maxCalls(), 1),
                sip.integer("requests_per_second", defaults.requestsPerSecond(), 1),
                sip.string("user_agent", defaults.userAgent()));
    }

    static AdminConfig admin(MapView admin) {
        AdminConfig defaults = AdminConfig.defaults();
        return new AdminConfig(admin.hostPort("listen", defaults.listen()), admin.string("token", null));
    }
}
