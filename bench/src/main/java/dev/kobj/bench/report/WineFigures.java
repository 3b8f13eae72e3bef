package dev.kobj.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Wine's ns/op by bench.c scenario as measured by {@code run.sh} on this machine (its summary table);
 * empty when it did not run. RESULTS.md's published figures are in {@link Scenarios}, beside these.
 *
 * @param source how the figures were had, for the report
 */
public record WineFigures(Map<String, Double> nsByScenario, String source) {
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    public WineFigures {
        nsByScenario = Map.copyOf(nsByScenario);
    }

    /** No figures: run.sh did not run here, for the reason given. */
    public static WineFigures notRun(String why) {
        return new WineFigures(Map.of(), "run.sh not run here (" + why + "); RESULTS.md's published figures only");
    }

    /**
     * The medians of run.sh's summary: a line per scenario, "scenario iters median_ns/op min max ...";
     * failed scenarios ("-" for the median) are left out.
     */
    public static WineFigures parseSummary(String summary, String source) {
        Map<String, Double> ns = new LinkedHashMap<>();
        for (String line : summary.split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[0].matches("[a-z0-9_]+") && NUMBER.matcher(f[1]).matches()
                    && NUMBER.matcher(f[2]).matches()) {
                ns.put(f[0], Double.parseDouble(f[2]));
            }
        }
        return new WineFigures(ns, source);
    }

    /** Wine's ns/op for a scenario, or NaN. */
    public double ns(String scenario) {
        Double value = scenario == null ? null : nsByScenario.get(scenario);
        return value == null ? Double.NaN : value;
    }
}
