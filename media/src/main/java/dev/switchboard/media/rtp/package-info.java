/** RTP packet layout (RFC 3550): parsing what arrives and writing what we send. */
package dev.switchboard.media.rtp;
