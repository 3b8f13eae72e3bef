package dev.kobj.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * The report's picture, drawn headless with XChart: kobj ÷ baseline per scenario and the speed-up
 * over Wine, both on log scales; each point's label carries its target bound, its colour the verdict.
 * Rows without the figure are left out.
 */
final class Chart {
    private Chart() {
    }

    static void writePng(List<Row> rows, Path png, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        CategoryChart ratios = chart(title + ": kobj ÷ baseline (lower is better, log scale)", "× baseline", true);
        CategoryChart speedups = chart(title + ": speed-up over Wine (higher is better, log scale)", "× Wine", true);
        series(ratios, rows, true);
        series(speedups, rows, false);
        String file = png.toString();
        String base = file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
        BitmapEncoder.saveBitmap(List.of(ratios, speedups), 2, 1, base, BitmapEncoder.BitmapFormat.PNG);
    }

    private static CategoryChart chart(String title, String yTitle, boolean log) {
        CategoryChart chart = new CategoryChartBuilder().width(1400).height(620).title(title).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(35);
        chart.getStyler().setYAxisLogarithmic(log);
        // markers, not bars: XChart's bars start at 0, which a log axis cannot show
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(11);
        chart.getStyler().setOverlapped(true);
        return chart;
    }

    /**
     * One point per row with the figure, in a series by verdict (target met, missed, or none for this
     * figure), so the colour tells; a row's target bound is in its label ("wait_signaled ≥1 000×").
     */
    private static void series(CategoryChart chart, List<Row> rows, boolean ratio) {
        List<String> labels = new ArrayList<>();
        List<Double> met = new ArrayList<>();
        List<Double> missed = new ArrayList<>();
        List<Double> none = new ArrayList<>();
        for (Row r : rows) {
            double value = ratio ? r.ratio() : r.speedup();
            if (!Double.isFinite(value) || value <= 0) {
                continue;
            }
            Double target = ratio ? r.scenario().targets().maxRatio() : r.scenario().targets().minSpeedup();
            labels.add(r.scenario().label() + (target == null ? "" : (ratio ? " ≤" : " ≥") + Report.times(target)));
            boolean ok = target != null && (ratio ? value <= target : value >= target);
            met.add(target != null && ok ? value : null);
            missed.add(target != null && !ok ? value : null);
            none.add(target == null ? value : null);
        }
        if (labels.isEmpty()) {
            labels.add("no data");
            none.add(1.0);
            met.add(null);
            missed.add(null);
        }
        chart.addSeries("target met", labels, met).setMarkerColor(new Color(0x2E7D32)).setFillColor(new Color(0x2E7D32));
        chart.addSeries("target missed", labels, missed).setMarkerColor(new Color(0xC62828))
                .setFillColor(new Color(0xC62828));
        chart.addSeries("no target", labels, none).setMarkerColor(new Color(0x757575)).setFillColor(new Color(0x757575));
    }
}
