package dev.kobj.bench.report;

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
 * over Wine (log scale); each bar's label carries its target bound. Rows without the figure are left out.
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
        if (log) { // XChart's bars start at 0, which a log axis cannot show: markers instead
            chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            chart.getStyler().setMarkerSize(10);
        }
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setOverlapped(false);
        return chart;
    }

    /** One bar per row with the figure; a row's target bound is in its label ("wait_signaled ≥1000"). */
    private static void series(CategoryChart chart, List<Row> rows, boolean ratio) {
        List<String> labels = new ArrayList<>();
        List<Double> measured = new ArrayList<>();
        for (Row r : rows) {
            double value = ratio ? r.ratio() : r.speedup();
            if (!Double.isFinite(value) || value <= 0) {
                continue;
            }
            Double target = ratio ? r.scenario().targets().maxRatio() : r.scenario().targets().minSpeedup();
            String bound = target == null ? "" : (ratio ? " ≤" : " ≥") + Report.times(target);
            labels.add(r.scenario().label() + bound);
            measured.add(value);
        }
        if (labels.isEmpty()) {
            labels.add("no data");
            measured.add(1.0);
        }
        chart.addSeries(ratio ? "kobj ÷ baseline" : "Wine ÷ kobj", labels, measured);
    }
}
