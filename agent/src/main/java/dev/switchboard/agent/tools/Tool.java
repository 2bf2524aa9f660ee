package dev.switchboard.agent.tools;

import dev.switchboard.agent.api.ToolDefinition;
import java.time.Duration;

/**
 * A function the model may call. Implementations may block: the runtime calls them on a virtual thread, and
 * interrupts it on timeout or cancellation.
 */
public interface Tool {

    /** Name, description and JSON Schema of the arguments, as sent to the model. */
    ToolDefinition definition();

    /**
     * Runs the call. Blocking I/O is fine; honour interruption (InterruptedException, interruptible I/O).
     * Throwing is allowed: the runtime turns it into an error result.
     */
    ToolResult call(ToolCall call) throws Exception;

    /** How long one call may take before the runtime gives up on it. */
    default Duration timeout() {
        return Duration.ofSeconds(10);
    }
}
