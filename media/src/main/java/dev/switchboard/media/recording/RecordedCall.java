package dev.switchboard.media.recording;

/**
 * What a recording's file name may say about its call. Any value may be null or blank (it is then
 * {@code unknown} in the name); all of them are sanitised, see {@link PathTemplate}.
 *
 * @param callId the SIP Call-ID
 * @param from   the caller, e.g. the user part of the From URI
 * @param to     the dialed number, e.g. the user part of the request URI
 * @param agent  the agent's name in the configuration
 */
public record RecordedCall(String callId, String from, String to, String agent) {

    /** How the call is named in log lines. */
    String logName() {
        return callId == null || callId.isBlank() ? "call" : "call " + callId;
    }
}
