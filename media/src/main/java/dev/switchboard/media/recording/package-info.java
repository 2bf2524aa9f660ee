/**
 * Call recording: each call's two sides as one stereo WAV file, caller left and agent right, aligned on the call's
 * media timeline and written by a shared thread off the calls' event loops.
 */
package dev.switchboard.media.recording;
