/** Outbound audio: the playout buffer between a bursty provider and the 20 ms RTP clock. */
package dev.switchboard.media.playout;
