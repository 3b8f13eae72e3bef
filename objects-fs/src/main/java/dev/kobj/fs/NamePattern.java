package dev.kobj.fs;

import java.util.Locale;

/**
 * FindFirstFile's name patterns: {@code *} matches any run of characters (none too), {@code ?} exactly
 * one, anything else itself without regard to case; {@code *.*} and null match everything. Immutable.
 */
final class NamePattern {
    private static final NamePattern ALL = new NamePattern("*");

    private final String pattern;

    private NamePattern(String pattern) {
        this.pattern = pattern.toUpperCase(Locale.ROOT);
    }

    static NamePattern of(String pattern) {
        return pattern == null || pattern.isEmpty() || pattern.equals("*") || pattern.equals("*.*") ? ALL
                : new NamePattern(pattern);
    }

    /**
     * Whether {@code name} matches: the classic greedy walk with one backtrack point (the last {@code *}),
     * linear in practice and never exponential.
     */
    boolean matches(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        int p = 0;
        int i = 0;
        int star = -1;
        int resume = 0;
        while (i < n.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == n.charAt(i))) {
                p++;
                i++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = i;
            } else if (star >= 0) {
                p = star + 1;
                i = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
