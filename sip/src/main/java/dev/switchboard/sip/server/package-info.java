/**
 * The composition root: configuration in, a running server out. {@link dev.switchboard.sip.server.Main} is the
 * command line; {@link dev.switchboard.sip.server.SwitchboardServer} builds and wires every part by hand.
 */
package dev.switchboard.sip.server;
