package dev.switchboard.sip.sdp;

/**
 * Whose order decides the voice codec when an offer lists several that we support. RFC 3264 §6.1 lets the answerer
 * choose any offered format it supports; the offer's order is only the offerer's preference.
 */
public enum Preference {
    /** The first payload type in the offer's m= line order that we support: what the offerer likes best. */
    OFFER,
    /**
     * The first codec in our supported-list order that the offer lists, e.g. Opus before G.711 even when a carrier
     * lists PCMU first.
     */
    OURS
}
