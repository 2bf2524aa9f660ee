package dev.switchboard.media.playout;

/**
 * How much of one agent item the caller has been sent: what a provider needs to forget the unheard rest of it
 * after a barge-in (OpenAI's {@code conversation.item.truncate} {@code audio_end_ms}).
 */
public record PlaybackPosition(String itemId, int contentIndex, long playedMillis) {}
