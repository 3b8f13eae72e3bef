package dev.kobj.bench.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reads JMH's {@code -rf json} output into {@link Measurement}s keyed by benchmark id. */
public final class JmhResults {
    static final String PACKAGE = "dev.kobj.bench.";

    private JmhResults() {
    }

    /** Every benchmark of the JSON array, in its order; ids drop the {@code dev.kobj.bench.} prefix. */
    public static Map<String, Measurement> parse(String json) {
        Map<String, Measurement> out = new LinkedHashMap<>();
        for (JsonElement element : JsonParser.parseString(json).getAsJsonArray()) {
            Measurement m = measurement(element.getAsJsonObject());
            out.put(m.id(), m);
        }
        return out;
    }

    private static Measurement measurement(JsonObject o) {
        String name = o.get("benchmark").getAsString();
        if (name.startsWith(PACKAGE)) {
            name = name.substring(PACKAGE.length());
        }
        String id = name + params(object(o, "params"));
        JsonObject primary = o.getAsJsonObject("primaryMetric");
        double toNs = nanosPer(primary.get("scoreUnit").getAsString());
        double error = number(primary.get("scoreError"));
        Map<String, Double> percentiles = new LinkedHashMap<>();
        JsonObject p = object(primary, "scorePercentiles");
        if (p != null && o.get("mode").getAsString().equals("sample")) {
            for (var e : p.entrySet()) {
                percentiles.put(e.getKey(), e.getValue().getAsDouble() * toNs);
            }
        }
        Map<String, Double> secondary = new LinkedHashMap<>();
        JsonObject s = object(o, "secondaryMetrics");
        if (s != null) {
            for (var e : s.entrySet()) {
                // JMH before 1.36 prefixed profiler metrics with a middle dot ("·gc.alloc.rate.norm")
                String key = e.getKey().startsWith("\u00b7") ? e.getKey().substring(1) : e.getKey();
                secondary.put(key, mean(e.getValue().getAsJsonObject()));
            }
        }
        return new Measurement(id, o.get("mode").getAsString(), primary.get("score").getAsDouble() * toNs,
                error * toNs, secondary, percentiles);
    }

    /** "[a=1,b=x]" from JMH's params object, sorted by name; "" when there are none. */
    static String params(JsonObject params) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>();
        params.entrySet().forEach(e -> sorted.put(e.getKey(), e.getValue().getAsString()));
        StringBuilder out = new StringBuilder("[");
        sorted.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(k).append('=').append(v));
        return out.append(']').toString();
    }

    /** How many ns one unit of a JMH time-per-op unit is. */
    static double nanosPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> throw new IllegalArgumentException("not a time per operation: " + unit);
        };
    }

    /**
     * A secondary metric's value per op: the mean of its raw iteration values when JMH gives them, for
     * an aux counter's score is their sum (JMH sums counters of the EVENTS kind over iterations); the
     * score otherwise.
     */
    static double mean(JsonObject metric) {
        JsonElement raw = metric.get("rawData");
        if (raw != null && raw.isJsonArray()) {
            double sum = 0;
            int n = 0;
            for (JsonElement fork : raw.getAsJsonArray()) {
                for (JsonElement value : fork.getAsJsonArray()) {
                    sum += number(value);
                    n++;
                }
            }
            if (n > 0) {
                return sum / n;
            }
        }
        return number(metric.get("score"));
    }

    /** A member object, or null when it is absent or JSON null. */
    private static JsonObject object(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || !e.isJsonObject() ? null : e.getAsJsonObject();
    }

    /** JMH writes "NaN" as a string where a figure is undefined. */
    private static double number(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return Double.NaN;
        }
        return element.getAsJsonPrimitive().isString() ? Double.parseDouble(element.getAsString()) : element.getAsDouble();
    }
}
