/**
 * Google Gemini Live ({@code BidiGenerateContent}) over a WebSocket (realtime-protocols §6): a {@code setup}
 * message first, caller audio in as base64 PCM16 at 16 kHz, the model's voice out as PCM16 at 24 kHz, tool calls
 * as {@code toolCall}/{@code toolResponse}, and sessions carried across connections by resumption handles.
 *
 * <p>Gemini has no response or item ids, no truncation and no JSON error event; this package synthesises the ids
 * the neutral API expects and classifies close codes into retryable and fatal failures.
 */
package dev.switchboard.agent.gemini;
