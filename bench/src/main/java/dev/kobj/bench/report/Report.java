package dev.kobj.bench.report;

import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's report: the scenario rows with their verdicts, the latency percentiles and every benchmark's
 * raw figures, as Markdown and as JSON. Pure: the caller reads and writes the files.
 *
 * @param context lines about the run for the header ("profile: quick", the machine, the JDK, notes)
 */
public record Report(List<Row> rows, Map<String, Measurement> run, WineFigures wine, List<String> context) {
    public Report {
        rows = List.copyOf(rows);
        run = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(run)); // by id, for reading
        context = List.copyOf(context);
    }

    public static Report of(List<Scenario> scenarios, Map<String, Measurement> run, WineFigures wine,
            List<String> context) {
        List<Row> rows = new ArrayList<>();
        for (Scenario s : scenarios) {
            rows.add(Row.of(s, run, wine));
        }
        return new Report(rows, run, wine, context);
    }

    /** How many rows with targets met them all, of how many have targets. */
    public String tally() {
        long withTargets = rows.stream().filter(r -> r.verdict() != null).count();
        long met = rows.stream().filter(r -> r.verdict() == Row.Verdict.MET).count();
        long missed = rows.stream().filter(r -> r.verdict() == Row.Verdict.MISSED).count();
        return met + " of " + withTargets + " scenarios with targets met them all; " + missed + " missed one or more";
    }

    public String markdown(String title) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        context.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("- Wine: ").append(wine.source()).append('\n');
        md.append("- ratio = kobj ÷ baseline (lower is better); speed-up = Wine ÷ kobj (higher is better), on the ")
                .append("faster of Wine's figures (this machine's run, RESULTS.md's published); ")
                .append("bytes/op = JMH `-prof gc` gc.alloc.rate.norm (allocated per op), except handles_1m: ")
                .append("heap retained per open event and handle after a full GC\n");
        md.append("- ").append(tally()).append("\n\n");
        md.append("| scenario | kobj ns/op | baseline | baseline ns/op | ratio | bytes/op | Wine ns/op here | Wine ns/op published | speed-up | targets | verdict |\n");
        md.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (Row r : rows) {
            Scenario s = r.scenario();
            md.append("| ").append(s.label())
                    .append(" | ").append(ns(r.kobjNs())).append(error(r.kobjErrorNs()))
                    .append(" | ").append(s.baselineLabel() == null ? "–" : s.baselineLabel())
                    .append(" | ").append(ns(r.baselineNs()))
                    .append(" | ").append(times(r.ratio()))
                    .append(" | ").append(bytes(r.bytes()))
                    .append(" | ").append(ns(r.wineRunNs()))
                    .append(" | ").append(ns(r.winePublishedNs()))
                    .append(" | ").append(times(r.speedup()))
                    .append(" | ").append(targets(r))
                    .append(" | ").append(verdict(r.verdict()))
                    .append(" |\n");
        }
        appendNotes(md);
        appendPercentiles(md);
        md.append("\n## Every benchmark of the run\n\n");
        md.append("| benchmark | mode | ns/op | ± (99.9%) | bytes/op | other metrics |\n| --- | --- | ---: | ---: | ---: | --- |\n");
        for (Measurement m : run.values()) {
            StringBuilder other = new StringBuilder();
            m.secondary().entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("gc.") && !Double.isNaN(e.getValue()) && e.getValue() != 0)
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> other.append(other.isEmpty() ? "" : ", ").append(e.getKey()).append(" = ")
                            .append(String.format(Locale.ROOT, "%.1f", e.getValue())));
            md.append("| ").append(m.id()).append(" | ").append(m.mode()).append(" | ").append(ns(m.ns()))
                    .append(" | ").append(ns(m.errorNs())).append(" | ").append(bytes(m.metric(Scenario.ALLOCATED)))
                    .append(" | ").append(other).append(" |\n");
        }
        return md.toString();
    }

    /** What profiling found for each row that missed a target or has none, each note once with its rows. */
    private void appendNotes(StringBuilder md) {
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (Row r : rows) {
            boolean explain = r.verdict() == Row.Verdict.MISSED || r.verdict() == null && Double.isFinite(r.kobjNs());
            if (explain && r.scenario().whereTimeGoes() != null) {
                notes.computeIfAbsent(r.scenario().whereTimeGoes(), k -> new ArrayList<>()).add(r.scenario().label());
            }
        }
        if (notes.isEmpty()) {
            return;
        }
        md.append("\n## Where the time goes (rows that missed a target, or have none)\n\n");
        notes.forEach((note, labels) -> md.append("- **").append(String.join(", ", labels)).append("**: ")
                .append(note).append('\n'));
    }

    private void appendPercentiles(StringBuilder md) {
        List<Measurement> sampled = run.values().stream().filter(m -> !m.percentilesNs().isEmpty()).toList();
        if (sampled.isEmpty()) {
            return;
        }
        md.append("\n## Wake-up latency (SampleTime, ns per round trip)\n\n");
        md.append("| benchmark | p50 | p90 | p99 | p99.9 | p99.99 | max |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Measurement m : sampled) {
            md.append("| ").append(m.id());
            for (String p : List.of("50.0", "90.0", "99.0", "99.9", "99.99", "100.0")) {
                Double v = m.percentilesNs().get(p);
                md.append(" | ").append(v == null ? "–" : ns(v));
            }
            md.append(" |\n");
        }
    }

    public String json() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            Scenario s = r.scenario();
            row.put("scenario", s.name());
            row.put("variant", s.variant());
            row.put("kobjBenchmark", s.kobj());
            row.put("kobjNs", finite(r.kobjNs()));
            row.put("kobjErrorNs", finite(r.kobjErrorNs()));
            row.put("baselineBenchmark", s.baseline());
            row.put("baseline", s.baselineLabel());
            row.put("baselineNs", finite(r.baselineNs()));
            row.put("ratio", finite(r.ratio()));
            row.put("bytesMetric", s.bytesMetric());
            row.put("bytesPerOp", finite(r.bytes()));
            row.put("wineScenario", s.wine());
            row.put("wineRunNs", finite(r.wineRunNs()));
            row.put("winePublishedNs", finite(r.winePublishedNs()));
            row.put("speedup", finite(r.speedup()));
            List<Map<String, Object>> checks = new ArrayList<>();
            for (Row.Check c : r.checks()) {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("target", c.target());
                check.put("measured", finite(c.measured()));
                check.put("verdict", c.verdict().name());
                checks.add(check);
            }
            row.put("targets", checks);
            row.put("verdict", r.verdict() == null ? null : r.verdict().name());
            out.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("context", context);
        doc.put("wineSource", wine.source());
        doc.put("tally", tally());
        doc.put("rows", out);
        List<Map<String, Object>> all = new ArrayList<>();
        for (Measurement m : run.values()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("benchmark", m.id());
            b.put("mode", m.mode());
            b.put("ns", finite(m.ns()));
            b.put("errorNs", finite(m.errorNs()));
            Map<String, Object> secondary = new LinkedHashMap<>();
            m.secondary().forEach((k, v) -> secondary.put(k, finite(v)));
            b.put("secondary", secondary);
            if (!m.percentilesNs().isEmpty()) {
                b.put("percentilesNs", m.percentilesNs());
            }
            all.add(b);
        }
        doc.put("benchmarks", all);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(doc);
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** ns with a precision that suits its size: 5.62, 157.3, 36 139. */
    static String ns(double x) {
        if (!Double.isFinite(x)) {
            return "–";
        }
        if (x < 10) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        if (x < 1000) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        return String.format(Locale.ROOT, "%,.0f", x).replace(',', ' ');
    }

    private static String error(double x) {
        return Double.isFinite(x) ? " ± " + ns(x) : "";
    }

    /** A ratio or speed-up: 1.23×, 45.6×, 2 600×. */
    static String times(double x) {
        if (!Double.isFinite(x)) {
            return "–";
        }
        if (x >= 100) {
            return String.format(Locale.ROOT, "%,.0f×", x).replace(',', ' ');
        }
        return String.format(Locale.ROOT, x >= 10 ? "%.1f×" : "%.2f×", x);
    }

    static String bytes(double x) {
        if (!Double.isFinite(x)) {
            return "–";
        }
        return x < Row.ZERO_BYTES ? "0" : String.format(Locale.ROOT, "%.0f", x);
    }

    private static String targets(Row r) {
        if (r.checks().isEmpty()) {
            return "–";
        }
        StringBuilder out = new StringBuilder();
        for (Row.Check c : r.checks()) {
            out.append(out.isEmpty() ? "" : "; ").append(c.target()).append(c.verdict() == Row.Verdict.MISSED ? " ✗" : "");
        }
        return out.toString();
    }

    private static String verdict(Row.Verdict v) {
        if (v == null) {
            return "–";
        }
        return switch (v) {
            case MET -> "met";
            case MISSED -> "**missed**";
            case NO_DATA -> "no data";
        };
    }
}
