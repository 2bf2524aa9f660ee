/**
 * Calls: the pure state machine that decides what a call does next, and the {@link dev.switchboard.sip.call.Call}
 * that carries its decisions out on the call's event loop.
 */
package dev.switchboard.sip.call;
