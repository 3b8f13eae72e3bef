package dev.kobj.example.latch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tutorials' code is the tested code: each block after {@code <!-- code: PATH -->} is that file of this
 * module word for word, or with {@code #tutorial} the lines between its tutorial markers, de-indented.
 */
class TutorialsTest {
    private static final Pattern BLOCK = Pattern.compile("<!-- code: (\\S+) -->\n```\\w*\n(.*?)\n```", Pattern.DOTALL);

    @Test
    void yourOwnObjectTypeIn15Minutes() throws IOException {
        assertEquals(6, check(Path.of("README.md")));
    }

    @Test
    void assembleYourOwnKernel() throws IOException {
        assertEquals(1, check(Path.of("..", "README.md")));
    }

    private static int check(Path readme) throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(readme));
        int blocks = 0;
        while (m.find()) {
            String[] where = m.group(1).split("#");
            String file = Files.readString(Path.of(where[0]));
            String expected = where.length == 1 ? file.stripTrailing() : snippet(file);
            assertEquals(expected, m.group(2), readme + ": the block of " + m.group(1));
            blocks++;
        }
        assertTrue(blocks > 0, readme + " has code blocks");
        return blocks;
    }

    /** The lines between {@code // tutorial:start} and {@code // tutorial:end}, less their common indent. */
    private static String snippet(String file) {
        String body = file.substring(file.indexOf("// tutorial:start\n") + "// tutorial:start\n".length(),
                file.indexOf("// tutorial:end"));
        List<String> lines = new ArrayList<>(body.lines().toList());
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()).stripTrailing();
    }
}
