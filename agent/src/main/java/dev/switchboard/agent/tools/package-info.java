/**
 * Tools the model may call mid-call: the {@link dev.switchboard.agent.tools.Tool} SPI and the tool kinds that need
 * nothing from telephony (HTTP webhooks, local tables). Telephony built-ins (hang up, transfer, DTMF) implement the
 * same SPI in the SIP module.
 */
package dev.switchboard.agent.tools;
