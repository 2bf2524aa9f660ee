/**
 * Opus (RFC 6716) for phone calls, through libjitsi's JNI binding to libopus: an encoder and a decoder per call,
 * and the RFC 7587 SDP parameters that configure them.
 */
package dev.switchboard.media.codec.opus;
