/**
 * A small WebSocket client (RFC 6455) on Netty, shared by every provider. Connections are registered on the
 * caller's event loop, so a call's provider socket and its RTP socket are served by the same thread.
 */
package dev.switchboard.agent.ws;
