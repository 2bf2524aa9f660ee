package dev.switchboard.sip.tools;

import dev.switchboard.agent.tools.Tool;
import dev.switchboard.sip.call.CallControl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates the built-in tools an agent lists, bound to one call. */
public final class BuiltinTools {

    /** The names of the built-ins. */
    public static final List<String> NAMES = List.of(EndCallTool.NAME, TransferCallTool.NAME, SendDtmfTool.NAME);

    private BuiltinTools() {}

    /**
     * @param enabled         names of the built-ins the agent lists (others are ignored)
     * @param transferTargets the agent's transfer targets, by name
     */
    public static Map<String, Tool> bind(List<String> enabled, Map<String, String> transferTargets,
            CallControl call) {
        Map<String, Tool> tools = new LinkedHashMap<>();
        for (String name : enabled) {
            switch (name) {
                case EndCallTool.NAME -> tools.put(name, new EndCallTool(call));
                case TransferCallTool.NAME -> tools.put(name, new TransferCallTool(call, transferTargets));
                case SendDtmfTool.NAME -> tools.put(name, new SendDtmfTool(call));
                default -> { }
            }
        }
        return tools;
    }
}
