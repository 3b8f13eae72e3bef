package dev.kobj.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One scenario's figures from one run and its targets checked: ratio = kobj ÷ baseline (lower is
 * better), speed-up = Wine ÷ kobj (higher is better), taken on the faster of Wine's two figures (run.sh
 * here, if it ran, and RESULTS.md's published one), so that a busy machine slowing Wine down does not
 * flatter kobj. A figure the run did not produce is NaN, and a target that needs it is
 * {@link Verdict#NO_DATA}.
 */
public record Row(Scenario scenario, double kobjNs, double kobjErrorNs, double baselineNs, double bytes,
        double wineRunNs, double winePublishedNs, List<Check> checks) {
    /** Bytes/op below this count as none: JMH's gc.alloc.rate.norm reports a few thousandths for a non-allocating op. */
    static final double ZERO_BYTES = 0.5;

    public enum Verdict { MET, MISSED, NO_DATA }

    /** One target: what it asks ("≥ 1000× Wine"), what was measured, and the verdict. */
    public record Check(String target, double measured, Verdict verdict) {
    }

    public Row {
        checks = List.copyOf(checks);
    }

    public double ratio() {
        return kobjNs / baselineNs;
    }

    /** The faster of Wine's figures (NaN if neither). */
    public double wineNs() {
        if (Double.isNaN(wineRunNs)) {
            return winePublishedNs;
        }
        return Double.isNaN(winePublishedNs) ? wineRunNs : Math.min(wineRunNs, winePublishedNs);
    }

    public double speedup() {
        return wineNs() / kobjNs;
    }

    /** MET when every target is, MISSED when one is, NO_DATA when a figure is missing, null without targets. */
    public Verdict verdict() {
        if (checks.isEmpty()) {
            return null;
        }
        if (checks.stream().anyMatch(c -> c.verdict() == Verdict.MISSED)) {
            return Verdict.MISSED;
        }
        return checks.stream().allMatch(c -> c.verdict() == Verdict.MET) ? Verdict.MET : Verdict.NO_DATA;
    }

    /** The row of {@code s} from a run's measurements and Wine's figures. */
    public static Row of(Scenario s, Map<String, Measurement> run, WineFigures wine) {
        Measurement kobj = run.get(s.kobj());
        Measurement baseline = s.baseline() == null ? null : run.get(s.baseline());
        double kobjNs = kobj == null ? Double.NaN : kobj.ns();
        double error = kobj == null ? Double.NaN : kobj.errorNs();
        double baselineNs = baseline == null ? Double.NaN : baseline.ns();
        double bytes = kobj == null ? Double.NaN : kobj.metric(s.bytesMetric());
        double wineRunNs = wine.ns(s.wine());
        double winePublishedNs = s.wine() == null ? Double.NaN : s.wineNs();
        List<Check> checks = new ArrayList<>();
        Scenario.Targets t = s.targets();
        if (t.minSpeedup() != null) {
            double speedup = new Row(s, kobjNs, error, baselineNs, bytes, wineRunNs, winePublishedNs, List.of())
                    .speedup();
            checks.add(new Check("≥ " + fmt(t.minSpeedup()) + "× Wine", speedup, atLeast(speedup, t.minSpeedup())));
        }
        if (t.maxRatio() != null) {
            double ratio = kobjNs / baselineNs;
            checks.add(new Check("≤ " + fmt(t.maxRatio()) + "× baseline", ratio, atMost(ratio, t.maxRatio())));
        }
        if (t.maxBytes() != null) {
            double limit = t.maxBytes() == 0 ? ZERO_BYTES : t.maxBytes();
            checks.add(new Check("≤ " + fmt(t.maxBytes()) + " B/op", bytes, atMost(bytes, limit)));
        }
        return new Row(s, kobjNs, error, baselineNs, bytes, wineRunNs, winePublishedNs, checks);
    }

    static Verdict atLeast(double measured, double bound) {
        return Double.isNaN(measured) ? Verdict.NO_DATA : measured >= bound ? Verdict.MET : Verdict.MISSED;
    }

    static Verdict atMost(double measured, double bound) {
        return Double.isNaN(measured) ? Verdict.NO_DATA : measured <= bound ? Verdict.MET : Verdict.MISSED;
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
