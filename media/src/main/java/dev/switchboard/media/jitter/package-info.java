/**
 * Inbound audio: the adaptive jitter buffer between the caller's RTP packets, which arrive late, early, twice or
 * not at all, and the call's 20 ms tick, which wants a steady stream of audio to decode, conceal or fill with
 * comfort noise.
 */
package dev.switchboard.media.jitter;
