package dev.kobj.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Wine's ns/op by bench.c scenario: measured by {@code run.sh} on this machine (its summary table), or
 * the published figures of RESULTS.md that {@link Scenarios} carries.
 *
 * @param source how the figures were had, for the report
 */
public record WineFigures(Map<String, Double> nsByScenario, String source) {
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    public WineFigures {
        nsByScenario = Map.copyOf(nsByScenario);
    }

    /** RESULTS.md's medians, as carried by the scenario table. */
    public static WineFigures published(List<Scenario> scenarios, String why) {
        Map<String, Double> ns = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            if (s.wine() != null && !Double.isNaN(s.wineNs())) {
                ns.put(s.wine(), s.wineNs());
            }
        }
        return new WineFigures(ns, "published figures of ../shared/bench/wine/RESULTS.md (" + why + ")");
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
