/**
 * The call bridge: caller audio from the media engine to the agent session, the agent's voice back to the
 * media engine, and barge-in between them.
 */
package dev.switchboard.sip.bridge;
