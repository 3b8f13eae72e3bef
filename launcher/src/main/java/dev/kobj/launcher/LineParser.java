package dev.kobj.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words: blanks separate, {@code "..."} and {@code '...'} quote, and a
 * {@code #} at the start of a word begins a comment. Backslashes are plain characters, since NT paths
 * are full of them.
 */
final class LineParser {
    private LineParser() {
    }

    /** The words of {@code line}; empty for a blank line or a comment. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote " + quote);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
