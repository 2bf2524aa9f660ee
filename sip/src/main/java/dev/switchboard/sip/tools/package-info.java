/**
 * Built-in tools that act on the call itself: hang up, transfer, send DTMF. They implement the agent module's
 * tool SPI and are bound to one call's {@link dev.switchboard.sip.call.CallControl} when the call starts.
 */
package dev.switchboard.sip.tools;
