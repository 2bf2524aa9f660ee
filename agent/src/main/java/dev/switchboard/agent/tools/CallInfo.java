package dev.switchboard.agent.tools;

/** Who is on the line, sent to webhooks so they can tell calls apart. */
public record CallInfo(String id, String from, String to, String agent) {}
