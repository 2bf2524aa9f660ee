/**
 * The admin HTTP API: an unauthenticated {@code /healthz} for load balancers, and bearer-token-protected
 * metrics and call listings.
 */
package dev.switchboard.sip.admin;
