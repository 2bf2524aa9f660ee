package dev.switchboard.agent.local;

/**
 * A client event the engine cannot honour. It becomes an OpenAI {@code error} event of type
 * {@code invalid_request_error} (reference §2.8) and the session carries on. Carries no stack trace: it is an
 * answer to the client, not a fault of the server.
 */
final class RequestException extends RuntimeException {

    private final String code;
    private final String param;

    /**
     * @param code    OpenAI error code, e.g. {@code invalid_value}
     * @param message what was wrong, for a human
     * @param param   the offending parameter path such as {@code session.audio.input.format}, or null
     */
    RequestException(String code, String message, String param) {
        super(message, null, false, false);
        this.code = code;
        this.param = param;
    }

    String code() {
        return code;
    }

    String param() {
        return param;
    }
}
