/**
 * The agent runtime between a call and its realtime session: tool calls assembled and run in the background
 * while audio keeps flowing, results sent back as they are ready, greetings, output guardrails and handoffs
 * between agents.
 */
package dev.switchboard.agent.runtime;
