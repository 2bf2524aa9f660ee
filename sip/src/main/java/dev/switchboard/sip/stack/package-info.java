/**
 * The JAIN-SIP adapter: the only package that touches JAIN-SIP's factories, its string property bag, its
 * listener threads and its checked exceptions. Requests are translated into calls on the rest of the server and
 * the listener returns at once; everything sent goes out from a virtual thread, never from an event loop.
 */
package dev.switchboard.sip.stack;
