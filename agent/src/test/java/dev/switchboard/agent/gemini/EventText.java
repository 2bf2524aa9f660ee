package dev.switchboard.agent.gemini;

import dev.switchboard.agent.api.ServerEvent;
import java.util.Arrays;
import java.util.List;

/** Events as comparable text: records compare arrays by identity, so audio is spelled out. */
final class EventText {

    private EventText() {}

    static String of(ServerEvent event) {
        if (event instanceof ServerEvent.AudioDelta delta) {
            return "AudioDelta[responseId=" + delta.responseId() + ", itemId=" + delta.itemId() + ", contentIndex="
                    + delta.contentIndex() + ", audio=" + Arrays.toString(delta.audio()) + "]";
        }
        return String.valueOf(event);
    }

    static List<String> of(List<ServerEvent> events) {
        return events.stream().map(EventText::of).toList();
    }
}
