/**
 * Filling what the network left out of the caller's audio: pitch-based concealment of lost G.711 (and G.722)
 * frames, and RFC 3389 comfort noise for the silences a sender chose not to send.
 */
package dev.switchboard.media.plc;
