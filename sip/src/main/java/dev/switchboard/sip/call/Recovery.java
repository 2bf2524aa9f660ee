package dev.switchboard.sip.call;

import dev.switchboard.agent.resilience.ReconnectPolicy;
import dev.switchboard.config.FallbackConfig;
import java.time.Duration;

/**
 * What an agent's calls do when its provider fails: how hard to reconnect, what to say while reconnecting takes
 * long, and what the caller gets when the agent is gone for good.
 *
 * @param policy         reconnect attempts, backoff and session recycling
 * @param holdPrompt     spoken when reconnecting has taken {@code holdAfter}, as 24 kHz PCM16; empty for none
 * @param holdAfter      how long the caller may hear nothing before the hold prompt
 * @param fallbackPrompt the apology, as 24 kHz PCM16; empty for none
 * @param then           after the apology: hang up, transfer, or (for a ringing call) reject with 503
 * @param transferTo     the transfer target when {@code then} is transfer
 * @param provider       the provider as the operator knows it, for failure logs: its name and where its
 *                       credentials are configured (never the credentials themselves)
 */
public record Recovery(
        ReconnectPolicy policy,
        byte[] holdPrompt,
        Duration holdAfter,
        byte[] fallbackPrompt,
        FallbackConfig.Then then,
        String transferTo,
        String provider) {

    /** Reconnect by default, no prompts, hang up: for tests and agents without recovery settings. */
    public static final Recovery DEFAULT = new Recovery(ReconnectPolicy.DEFAULT, new byte[0], Duration.ofMillis(1500),
            new byte[0], FallbackConfig.Then.HANGUP, null, "the agent's provider");
}
