/**
 * OpenAI Realtime (GA interface) over a WebSocket: {@code session.update}, audio in and out as base64 inside JSON,
 * server VAD events, truncation and cancellation (realtime-protocols §2). Any endpoint that speaks the same
 * protocol — Azure's GA endpoint, the built-in local engine — is reached through this code by changing the base
 * URL and the auth header.
 */
package dev.switchboard.agent.openai;
