/**
 * DTMF as RFC 4733 telephone-events: the payload's report, key presses detected in what the caller sends, and
 * digits played out to the caller.
 */
package dev.switchboard.media.dtmf;
