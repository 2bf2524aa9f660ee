package dev.switchboard.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads the Switchboard YAML configuration: reads it with Jackson, substitutes
 * {@code ${VAR}} / {@code ${VAR:-default}} from the environment, applies defaults and validates
 * everything, including the names agents, tools and numbers use to refer to each other. All
 * problems of a file are reported together in one {@link ConfigException}, each with its file,
 * line and key path. Settings that are valid but have no effect (keys the agent's provider type
 * ignores) are not errors: {@link #loadWithWarnings(Path)} and
 * {@link #parseWithWarnings(String, String, Function, Path)} return them as warnings, in the same shape.
 */
public final class ConfigLoader {

    static final List<String> SECTIONS = List.of("sip", "media", "trunks", "admin", "providers", "agents",
            "tools", "numbers");

    private ConfigLoader() {
    }

    /**
     * Loads {@code file} (UTF-8) using the process environment; warnings are dropped (see
     * {@link #loadWithWarnings(Path)}).
     *
     * @throws ConfigException if the file cannot be read or has any problem
     */
    public static SwitchboardConfig load(Path file) {
        return loadWithWarnings(file).config();
    }

    /**
     * Loads {@code file} (UTF-8) using the process environment, with the warnings found.
     *
     * @throws ConfigException if the file cannot be read or has any problem
     */
    public static LoadedConfig loadWithWarnings(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw single(source, "file not found");
        } catch (CharacterCodingException e) {
            throw single(source, "file is not valid UTF-8");
        } catch (IOException e) {
            throw single(source, "cannot read file: " + e);
        }
        return parseWithWarnings(text, source, System::getenv, file.toAbsolutePath().getParent());
    }

    /**
     * Parses configuration text; relative file names in it (tool tables) are resolved against the
     * current working directory.
     *
     * @param yamlText   the YAML document
     * @param sourceName file name used in problem messages
     * @param env        environment lookup, returning null for unset variables
     * @throws ConfigException listing every problem found
     */
    public static SwitchboardConfig parse(String yamlText, String sourceName, Function<String, String> env) {
        return parse(yamlText, sourceName, env, Path.of(""));
    }

    /**
     * Parses configuration text; warnings are dropped (see
     * {@link #parseWithWarnings(String, String, Function, Path)}).
     *
     * @param yamlText      the YAML document
     * @param sourceName    file name used in problem messages
     * @param env           environment lookup, returning null for unset variables
     * @param baseDirectory what relative file names in the configuration (tool tables) are resolved
     *                      against, normally the configuration file's directory
     * @throws ConfigException listing every problem found
     */
    public static SwitchboardConfig parse(String yamlText, String sourceName, Function<String, String> env,
                                          Path baseDirectory) {
        return parseWithWarnings(yamlText, sourceName, env, baseDirectory).config();
    }

    /**
     * Parses configuration text, with the warnings found; parameters as for
     * {@link #parse(String, String, Function, Path)}.
     *
     * @throws ConfigException listing every problem found (warnings are not problems)
     */
    public static LoadedConfig parseWithWarnings(String yamlText, String sourceName, Function<String, String> env,
                                                 Path baseDirectory) {
        Objects.requireNonNull(yamlText, "yamlText");
        Objects.requireNonNull(env, "env");
        Path base = Objects.requireNonNull(baseDirectory, "baseDirectory").toAbsolutePath();
        Problems problems = new Problems(Objects.requireNonNull(sourceName, "sourceName"));
        YamlNode root = new YamlTreeReader(env, problems).read(yamlText);
        SwitchboardConfig config = null;
        if (root instanceof YamlNode.Mapping) {
            config = bind(MapView.of(root, "", problems, SECTIONS), base);
        } else if (root != null) {
            problems.report(root, "the top level must be a map of sections (" + String.join(", ", SECTIONS)
                    + "), found " + root.kind());
        }
        problems.throwIfAny();
        return new LoadedConfig(config, problems.warnings());
    }

    private static SwitchboardConfig bind(MapView top, Path baseDirectory) {
        MediaConfig media = MediaSections.media(top.section("media", MediaSections.MEDIA_KEYS));
        SipConfig sip = ServerSections.sip(top.section("sip", ServerSections.SIP_KEYS), media);
        AdminConfig admin = ServerSections.admin(top.section("admin", ServerSections.ADMIN_KEYS));
        Map<String, YamlNode> providerNodes = top.names("providers");
        Map<String, YamlNode> toolNodes = top.names("tools");
        Map<String, YamlNode> agentNodes = top.names("agents");
        Map<String, ProviderConfig> providers = ProviderSections.providers(top, providerNodes);
        return new SwitchboardConfig(sip, media, admin, providers,
                AgentSections.agents(top, agentNodes, providerNodes, providers, toolNodes.keySet(), baseDirectory),
                ToolSections.tools(top, toolNodes, baseDirectory),
                AgentSections.numbers(top, agentNodes.keySet()),
                TrunkSections.trunks(top, media));
    }

    private static ConfigException single(String source, String message) {
        return new ConfigException(List.of(new ConfigProblem(source, "", 0, message)));
    }
}
