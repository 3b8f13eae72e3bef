package dev.kobj.launcher;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a command's answer, printed either as an aligned text table (numbers right-aligned, a
 * header line) or as a JSON array of objects keyed by the column names in lower case. Not thread-safe.
 */
final class Table {
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    Table(String... columns) {
        this.columns = List.of(columns);
    }

    Table row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        rows.add(java.util.Arrays.asList(values));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** As text: a header, then one line per row, columns two spaces apart, trailing blanks trimmed. */
    void print(PrintWriter out) {
        int[] widths = new int[columns.size()];
        boolean[] numeric = new boolean[columns.size()];
        java.util.Arrays.fill(numeric, !rows.isEmpty());
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).length();
            for (List<Object> row : rows) {
                widths[c] = Math.max(widths[c], text(row.get(c)).length());
                numeric[c] &= row.get(c) instanceof Number;
            }
        }
        line(out, new ArrayList<>(columns), widths, numeric);
        for (List<Object> row : rows) {
            line(out, row, widths, numeric);
        }
    }

    /** As JSON: an array of objects, keys the lower-case column names with blanks as underscores. */
    void printJson(PrintWriter out) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                object.put(key(columns.get(c)), row.get(c));
            }
            objects.add(object);
        }
        out.println(Json.write(objects));
    }

    void print(PrintWriter out, boolean json) {
        if (json) {
            printJson(out);
        } else {
            print(out);
        }
    }

    static String key(String column) {
        return column.toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
    }

    private static void line(PrintWriter out, List<Object> values, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String text = text(values.get(c));
            String pad = " ".repeat(widths[c] - text.length());
            if (c > 0) {
                line.append("  ");
            }
            line.append(numeric[c] ? pad + text : text + pad);
        }
        out.println(line.toString().stripTrailing());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
