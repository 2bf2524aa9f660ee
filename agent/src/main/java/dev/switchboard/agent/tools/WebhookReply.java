package dev.switchboard.agent.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a webhook's HTTP response into what the model reads.
 *
 * <ul>
 *   <li>2xx with a JSON body ({@code application/json} or any {@code +json} type): the JSON, compacted;
 *       2xx with {@code text/*} or no content type: the text as it is; an empty (or blank) 2xx body, such as a
 *       204: {@value #EMPTY_OK}, so the model learns that the action succeeded.</li>
 *   <li>2xx with any other content type is an error: the model cannot read images or binary data.</li>
 *   <li>3xx is an error: redirects are not followed (see {@link WebhookTool}).</li>
 *   <li>Anything else is an error naming the status, with the webhook's own explanation when it is short: the
 *       {@code error} (or {@code error.message}, or {@code message}) string of a JSON body, or a plain-text body,
 *       of at most {@value #DETAIL_LIMIT} characters. Longer bodies are usually HTML error pages the model
 *       should not read out.</li>
 * </ul>
 */
final class WebhookReply {

    static final String EMPTY_OK = "{\"ok\":true}";
    static final int DETAIL_LIMIT = 200;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WebhookReply() {}

    /**
     * @param contentType the response's Content-Type header, if any
     * @param limitText   how the body limit reads in the error message, e.g. "64 KiB"
     */
    static ToolResult interpret(int status, Optional<String> contentType, CappedBody body, String limitText) {
        MediaType type = MediaType.parse(contentType);
        if (status >= 200 && status < 300) {
            return success(type, body, limitText);
        }
        if (status >= 300 && status < 400) {
            return ToolResult.error("webhook returned HTTP " + status + ": redirects are not followed");
        }
        return ToolResult.error("webhook returned HTTP " + status + detail(type, body).map(": "::concat).orElse(""));
    }

    private static ToolResult success(MediaType type, CappedBody body, String limitText) {
        if (body.tooLarge()) {
            return ToolResult.error("webhook response is larger than " + limitText);
        }
        String text = new String(body.bytes(), type.charset());
        if (text.isBlank()) {
            return ToolResult.ok(EMPTY_OK);
        }
        if (type.isJson()) {
            return parse(text).map(json -> ToolResult.ok(json.toString()))
                    .orElseGet(() -> ToolResult.error("webhook returned invalid JSON"));
        }
        if (type.isText()) {
            return ToolResult.ok(text);
        }
        return ToolResult.error("webhook returned unsupported content type " + type.name());
    }

    private static Optional<String> detail(MediaType type, CappedBody body) {
        if (body.tooLarge()) {
            return Optional.empty();
        }
        String text = new String(body.bytes(), type.charset()).strip();
        Optional<String> detail;
        if (type.isJson()) {
            detail = parse(text).flatMap(WebhookReply::explanation);
        } else if (type.name().isEmpty() || type.name().equals("text/plain")) {
            detail = Optional.of(text);
        } else {
            detail = Optional.empty();
        }
        return detail.map(d -> d.strip().replaceAll("\\s+", " "))
                .filter(d -> !d.isEmpty() && d.length() <= DETAIL_LIMIT);
    }

    private static Optional<String> explanation(JsonNode json) {
        for (JsonNode candidate : new JsonNode[] {json.path("error"), json.path("error").path("message"),
                json.path("message")}) {
            if (candidate.isTextual()) {
                return Optional.of(candidate.asText());
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> parse(String text) {
        try {
            return Optional.of(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The parts of a Content-Type that matter here (RFC 9110 §8.3): the type and the charset, UTF-8 by default. */
    private record MediaType(String name, Charset charset) {

        static MediaType parse(Optional<String> header) {
            String[] parts = header.orElse("").split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            Charset charset = StandardCharsets.UTF_8;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].split("=", 2);
                if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
                    charset = charset(parameter[1].strip().replace("\"", ""));
                }
            }
            return new MediaType(name, charset);
        }

        private static Charset charset(String name) {
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return StandardCharsets.UTF_8;
            }
        }

        boolean isJson() {
            return name.equals("application/json") || name.endsWith("+json");
        }

        boolean isText() {
            return name.isEmpty() || name.startsWith("text/");
        }
    }
}
