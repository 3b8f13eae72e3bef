package dev.kobj.launcher;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads {@code --config} files; apart from {@link LauncherConfig} so Jackson loads only when one is given. */
final class ConfigFileReader {
    private ConfigFileReader() {
    }

    /** Reads a config file by its extension; a problem is one line naming the file. */
    static LauncherConfig.File read(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (name.endsWith(".toml")) {
            mapper = new TomlMapper();
        } else if (name.endsWith(".json")) {
            mapper = new ObjectMapper();
        } else {
            throw new IllegalArgumentException("config " + path + ": use a .toml or .json file");
        }
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT); // session = 1.5 is a mistake, not session 1
        try {
            return mapper.readValue(Files.readString(path), LauncherConfig.File.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("config " + path + ": unknown key '" + e.getPropertyName()
                    + "' (known: " + known(e.getReferringClass()) + ")");
        } catch (IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() : e.toString();
            throw new IllegalArgumentException("config " + path + ": " + message);
        }
    }

    /** The keys of a schema record (the file, a volume, the limits), in declaration order. */
    private static String known(Class<?> schema) {
        if (schema == null || !schema.isRecord()) {
            return "see kobj --help";
        }
        return java.util.Arrays.stream(schema.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
