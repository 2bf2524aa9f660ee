/**
 * Calls that outlive their provider connection: a session that reconnects with backoff after a drop and
 * restores the conversation, recycles itself before the provider's maximum session length, and gives up only on
 * a fatal error or when its attempts are spent (seed 003).
 */
package dev.switchboard.agent.resilience;
