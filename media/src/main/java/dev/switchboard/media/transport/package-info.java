/** Netty UDP sockets for RTP, the port range they come from, and the per-loop pacing clock. */
package dev.switchboard.media.transport;
