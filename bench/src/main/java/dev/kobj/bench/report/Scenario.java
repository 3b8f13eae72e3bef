package dev.kobj.bench.report;

/**
 * One row of the comparison: a Wine scenario (bench.c's name, and a variant such as "virtual"), the
 * kobj benchmark that runs it, the baseline measured beside it in the same run, Wine's published figure
 * (RESULTS.md, used when run.sh did not run here) and the targets of issue 15. Benchmark ids are
 * {@code Class.method}, with JMH parameters in brackets: {@code HandOffBenchmark.event_pingpong_threads[threads=virtual]}.
 *
 * @param wine the bench.c scenario whose Wine figure applies, or null when Wine has none
 * @param wineNs that scenario's published Wine ns/op (RESULTS.md), or NaN
 * @param bytesMetric the JMH metric whose value is the row's bytes/op: {@code gc.alloc.rate.norm}
 *     (allocated per op), or an aux counter such as {@code retainedBytesPerHandle}
 * @param whereTimeGoes what profiling showed about this scenario's cost and what would cut it, printed
 *     when a target is missed; null if not profiled
 */
public record Scenario(String name, String variant, String kobj, String baseline, String baselineLabel, String wine,
        double wineNs, String bytesMetric, Targets targets, String whereTimeGoes) {
    public static final String ALLOCATED = "gc.alloc.rate.norm";

    /** The targets of a row; a null bound is no target. */
    public record Targets(Double minSpeedup, Double maxRatio, Double maxBytes) {
        static final Targets NONE = new Targets(null, null, null);

        boolean any() {
            return minSpeedup != null || maxRatio != null || maxBytes != null;
        }
    }

    static Scenario of(String name, String variant, String kobj) {
        return new Scenario(name, variant, kobj, null, null, null, Double.NaN, ALLOCATED, Targets.NONE, null);
    }

    Scenario vs(String baselineId, String label) {
        return new Scenario(name, variant, kobj, baselineId, label, wine, wineNs, bytesMetric, targets, whereTimeGoes);
    }

    Scenario wine(String scenario, double publishedNs) {
        return new Scenario(name, variant, kobj, baseline, baselineLabel, scenario, publishedNs, bytesMetric, targets,
                whereTimeGoes);
    }

    Scenario bytesFrom(String metric) {
        return new Scenario(name, variant, kobj, baseline, baselineLabel, wine, wineNs, metric, targets, whereTimeGoes);
    }

    Scenario speedupAtLeast(double x) {
        return withTargets(new Targets(x, targets.maxRatio(), targets.maxBytes()));
    }

    Scenario ratioAtMost(double x) {
        return withTargets(new Targets(targets.minSpeedup(), x, targets.maxBytes()));
    }

    Scenario bytesAtMost(double x) {
        return withTargets(new Targets(targets.minSpeedup(), targets.maxRatio(), x));
    }

    private Scenario withTargets(Targets t) {
        return new Scenario(name, variant, kobj, baseline, baselineLabel, wine, wineNs, bytesMetric, t, whereTimeGoes);
    }

    Scenario note(String text) {
        return new Scenario(name, variant, kobj, baseline, baselineLabel, wine, wineNs, bytesMetric, targets, text);
    }

    /** The row's label: the scenario, and its variant in parentheses. */
    public String label() {
        return variant == null ? name : name + " (" + variant + ")";
    }
}
