package dev.switchboard.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.agent.api.ToolDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tool answered by an HTTP endpoint of the operator's: each call is a JSON POST, and the reply is what the model
 * reads.
 *
 * <p>The request body is {@code {"tool": name, "arguments": {...}, "call": {"id", "from", "to", "agent"}}}, with
 * {@code Content-Type: application/json}, {@code Accept: application/json, text/plain}, {@code User-Agent:
 * Switchboard} and the configured headers (typically credentials, which replace a default of the same name).
 * How the reply becomes a {@link ToolResult} is described in {@link WebhookReply}; every failure (unreachable,
 * timed out, HTTP error, oversized or malformed reply) is an error result the model can talk about.
 *
 * <p>Redirects are never followed: a 3xx is an error. Following one would either turn the POST into a GET (losing
 * the arguments, RFC 9110 §15.4) or re-send the arguments and the credential headers to wherever the webhook
 * points, which lets a compromised or misconfigured endpoint steer the server's requests (SSRF).
 *
 * <p>Replies are read up to {@link #MAX_RESPONSE_BYTES}; a longer one is cut off by closing the connection. The
 * whole exchange, reply included, is bounded by the tool's timeout. An interrupt (the runtime cancelling the call)
 * aborts the exchange and surfaces as {@link InterruptedException}.
 *
 * <p>Only the URL's host, the status and the elapsed time are logged; header values and bodies never are.
 */
public final class WebhookTool implements Tool {

    /** Largest reply read: 64 KiB is far more than a model should read aloud, and bounds memory per call. */
    public static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final String MAX_RESPONSE_TEXT = "64 KiB";

    private static final Logger log = LoggerFactory.getLogger(WebhookTool.class);

    private final ToolDefinition definition;
    private final URI url;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final HttpClient client;

    /**
     * @param url     an absolute {@code http} or {@code https} URL
     * @param timeout how long one call may take, reply included
     * @param headers extra request headers; their values are treated as secrets
     * @param client  shared by all webhooks; it must not follow redirects (the default), and should use the default
     *                executor or a virtual-thread one ({@code Executors.newVirtualThreadPerTaskExecutor()})
     * @throws IllegalArgumentException for a bad URL, timeout or header, or a client that follows redirects
     */
    public WebhookTool(ToolDefinition definition, URI url, Duration timeout, Map<String, String> headers,
            HttpClient client) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.url = checkUrl(url);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.headers = Map.copyOf(headers);
        this.client = Objects.requireNonNull(client, "client");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("webhook " + definition.name() + ": the timeout must be positive");
        }
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("webhook " + definition.name()
                    + ": the HTTP client must not follow redirects");
        }
        checkHeaders();
    }

    @Override
    public ToolDefinition definition() {
        return definition;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public ToolResult call(ToolCall call) throws InterruptedException {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<CappedBody>> exchange =
                client.sendAsync(request(body(call)), CappedBody.handler(MAX_RESPONSE_BYTES));
        try {
            HttpResponse<CappedBody> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            log.debug("webhook {} at {}: HTTP {} in {} ms", definition.name(), url.getHost(), response.statusCode(),
                    millisSince(start));
            return WebhookReply.interpret(response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.body(), MAX_RESPONSE_TEXT);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            log.debug("webhook {} at {}: cancelled after {} ms", definition.name(), url.getHost(), millisSince(start));
            throw e;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return failed(start, WebhookFailure.timedOut(timeout));
        } catch (ExecutionException e) {
            return failed(start, WebhookFailure.describe(e.getCause(), timeout));
        }
    }

    private ToolResult failed(long start, String why) {
        log.info("webhook {} at {} failed after {} ms: {}", definition.name(), url.getHost(), millisSince(start), why);
        return ToolResult.error(why);
    }

    private HttpRequest request(JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/plain")
                .header("User-Agent", "Switchboard")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(builder::setHeader);
        return builder.build();
    }

    private ObjectNode body(ToolCall call) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("tool", definition.name());
        JsonNode arguments = call.arguments();
        body.set("arguments", arguments == null ? JsonNodeFactory.instance.objectNode() : arguments);
        CallInfo info = call.call();
        if (info == null) {
            body.putNull("call");
        } else {
            body.putObject("call").put("id", info.id()).put("from", info.from()).put("to", info.to())
                    .put("agent", info.agent());
        }
        return body;
    }

    /** Fails at startup on a header the JDK would refuse per call, naming it but never quoting its value. */
    private void checkHeaders() {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            try {
                HttpRequest.newBuilder(url).setHeader(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) { // its message quotes the value: dropped, with the cause
                throw new IllegalArgumentException("webhook " + definition.name() + ": header " + header.getKey()
                        + " is restricted or malformed");
            }
        }
    }

    private static URI checkUrl(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("webhook URL must be an absolute http or https URL with a host: "
                    + url.getScheme() + "://" + url.getHost());
        }
        return url;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
