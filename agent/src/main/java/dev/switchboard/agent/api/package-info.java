/**
 * The provider-neutral realtime speech API: a {@link dev.switchboard.agent.api.RealtimeTransport} opens a
 * {@link dev.switchboard.agent.api.RealtimeSession}; commands go in as {@link dev.switchboard.agent.api.ClientEvent}s
 * and facts come back as {@link dev.switchboard.agent.api.ServerEvent}s.
 *
 * <p>Nothing here knows about telephony: the media engine and the SIP front end use this API, never a provider's
 * wire types. Providers differ only behind {@code RealtimeTransport}.
 */
package dev.switchboard.agent.api;
