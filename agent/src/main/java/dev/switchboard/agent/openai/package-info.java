/**
 * The OpenAI Realtime protocol (GA interface) over a WebSocket: {@code session.update}, audio in and out as base64
 * inside JSON, server VAD events, truncation and cancellation (realtime-protocols §2). The servers that speak it
 * differ in a few places, each a {@link dev.switchboard.agent.openai.Dialect}: Azure's GA endpoint only in its URL
 * and auth header (§4), xAI in the shape of {@code session.update} and a few events (§5); the built-in local
 * engine speaks it as OpenAI does.
 */
package dev.switchboard.agent.openai;
