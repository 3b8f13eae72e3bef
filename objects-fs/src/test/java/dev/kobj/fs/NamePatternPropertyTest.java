package dev.kobj.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * FindFirstFile's wildcards against a regular expression that says the same ({@code *} is {@code .*},
 * {@code ?} is {@code .}, the rest literal, case folded), on names and patterns over a small alphabet so
 * that matches happen. (Named *Test so that surefire runs it by default.)
 */
class NamePatternPropertyTest {
    @Property(tries = 2000)
    void wildcardsMatchAsTheirRegularExpression(
            @ForAll @StringLength(max = 8) @Chars({'a', 'B', '.', '*', '?'}) String pattern,
            @ForAll @StringLength(max = 10) @Chars({'a', 'b', 'A', '.'}) String name) {
        boolean everything = pattern.isEmpty() || pattern.equals("*") || pattern.equals("*.*");
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toUpperCase(Locale.ROOT).toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        boolean expected = everything || name.toUpperCase(Locale.ROOT).matches(regex.toString());
        assertEquals(expected, NamePattern.of(pattern).matches(name), pattern + " ~ " + name);
    }
}
