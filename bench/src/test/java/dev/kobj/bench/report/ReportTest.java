package dev.kobj.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    static String resource(String name) throws IOException {
        try (InputStream in = ReportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, Measurement> sample() throws IOException {
        return JmhResults.parse(resource("jmh-sample.json"));
    }

    @Test
    void parsesIdsUnitsSecondaryMetricsAndPercentiles() throws IOException {
        Map<String, Measurement> run = sample();

        assertEquals(List.of("WaitBenchmark.wait_signaled", "WaitBenchmark.baseline_semaphore",
                "HandOffBenchmark.event_pingpong_threads[threads=virtual]",
                "HandOffBenchmark.baseline_park_pingpong[threads=virtual]", "WakeLatencyBenchmark.event_wake_latency",
                "ScaleBenchmark.handles_1m"), List.copyOf(run.keySet()));
        Measurement wait = run.get("WaitBenchmark.wait_signaled");
        assertEquals(8.0, wait.ns());
        assertEquals(0.25, wait.errorNs());
        assertEquals(0.002, wait.metric("gc.alloc.rate.norm"));
        assertTrue(wait.percentilesNs().isEmpty(), "avgt's percentiles are not latency percentiles");
        Measurement baseline = run.get("WaitBenchmark.baseline_semaphore");
        assertTrue(Double.isNaN(baseline.errorNs()), "JMH's \"NaN\" string");
        assertEquals(0.0, baseline.metric("gc.alloc.rate.norm"), "the old middle-dot prefix is dropped");
        assertEquals(900.0, run.get("HandOffBenchmark.event_pingpong_threads[threads=virtual]").ns(), 1e-9);
        Measurement latency = run.get("WakeLatencyBenchmark.event_wake_latency");
        assertEquals(12_500.0, latency.ns(), 1e-9);
        assertEquals(40_000.0, latency.percentilesNs().get("99.9"), 1e-9);
        assertEquals(120.0, run.get("ScaleBenchmark.handles_1m").metric("retainedBytesPerHandle"), 1e-9,
                "an aux counter's score sums its iterations: the mean of the raw values is per op");
        assertTrue(Double.isNaN(wait.metric("no.such.metric")));
    }

    @Test
    void paramsAreSortedAndUnitsConverted() {
        JsonObject params = JsonParser.parseString("{\"b\":\"2\",\"a\":\"x\"}").getAsJsonObject();
        assertEquals("[a=x,b=2]", JmhResults.params(params));
        assertEquals("", JmhResults.params(null));
        assertEquals(1e3, JmhResults.nanosPer("us/op"));
        assertEquals(1e9, JmhResults.nanosPer("s/op"));
        assertThrows(IllegalArgumentException.class, () -> JmhResults.nanosPer("ops/s"));
    }

    @Test
    void ratioSpeedupAndTargetsMetOrMissed() throws IOException {
        Map<String, Measurement> run = sample();
        WineFigures wine = new WineFigures(Map.of("wait_signaled", 14_400.0, "event_pingpong_threads", 36_000.0), "test");

        Row met = Row.of(Scenario.of("wait_signaled", null, "WaitBenchmark.wait_signaled")
                .vs("WaitBenchmark.baseline_semaphore", "Semaphore").wine("wait_signaled", 20_000)
                .speedupAtLeast(1000).ratioAtMost(1.6).bytesAtMost(0), run, wine);
        assertEquals(1.6, met.ratio(), 1e-12);
        assertEquals(1800.0, met.speedup(), 1e-9);
        assertEquals(Row.Verdict.MET, met.verdict());
        assertEquals(List.of(Row.Verdict.MET, Row.Verdict.MET, Row.Verdict.MET),
                met.checks().stream().map(Row.Check::verdict).toList());

        Row missed = Row.of(Scenario.of("event_pingpong_threads", "virtual",
                        "HandOffBenchmark.event_pingpong_threads[threads=virtual]")
                .vs("HandOffBenchmark.baseline_park_pingpong[threads=virtual]", "park").wine("event_pingpong_threads", 36_139)
                .speedupAtLeast(30).ratioAtMost(1.5).bytesAtMost(0), run, wine);
        assertEquals(900.0 / 700.0, missed.ratio(), 1e-12);
        assertEquals(40.0, missed.speedup(), 1e-9);
        assertEquals(List.of(Row.Verdict.MET, Row.Verdict.MET, Row.Verdict.MISSED),
                missed.checks().stream().map(Row.Check::verdict).toList(), "48 B/op is not 0");
        assertEquals(Row.Verdict.MISSED, missed.verdict());
    }

    @Test
    void aMissingFigureIsNoDataAndNoTargetsIsNoVerdict() throws IOException {
        Map<String, Measurement> run = sample();
        WineFigures noWine = new WineFigures(Map.of(), "none");

        Row noBaseline = Row.of(Scenario.of("x", null, "WaitBenchmark.wait_signaled").vs("Missing.method", "m")
                .ratioAtMost(2), run, noWine);
        assertEquals(Row.Verdict.NO_DATA, noBaseline.verdict());
        assertTrue(Double.isNaN(noBaseline.ratio()));
        Row notRun = Row.of(Scenario.of("y", null, "Missing.kobj").wine("wait_signaled", 1).speedupAtLeast(1), run,
                noWine);
        assertEquals(Row.Verdict.NO_DATA, notRun.verdict());
        assertNull(Row.of(Scenario.of("z", null, "WaitBenchmark.wait_signaled"), run, noWine).verdict());
    }

    @Test
    void retainedBytesComeFromTheNamedMetric() throws IOException {
        Row row = Row.of(Scenario.of("handles_1m", null, "ScaleBenchmark.handles_1m")
                .bytesFrom("retainedBytesPerHandle").bytesAtMost(96), sample(), new WineFigures(Map.of(), "none"));
        assertEquals(120.0, row.bytes(), 1e-9);
        assertEquals(Row.Verdict.MISSED, row.verdict());
    }

    @Test
    void wineSummaryLinesAreParsedAndFailuresLeftOut() throws IOException {
        WineFigures wine = WineFigures.parseSummary(resource("wine-summary.txt"), "run here");
        assertEquals(Map.of("wait_signaled", 14000.5, "pipe_throughput", 80000.0), wine.nsByScenario());
        assertTrue(Double.isNaN(wine.ns("mailslot_send_recv")));
        assertTrue(Double.isNaN(wine.ns(null)));
    }

    @Test
    void theSpeedupUsesTheFasterWineFigure() throws IOException {
        Scenario s = Scenario.of("wait_signaled", null, "WaitBenchmark.wait_signaled").wine("wait_signaled", 14_561)
                .speedupAtLeast(1000);
        Row busyHere = Row.of(s, sample(), new WineFigures(Map.of("wait_signaled", 30_000.0), "loaded machine"));
        assertEquals(14_561.0, busyHere.wineNs());
        assertEquals(14_561.0 / 8.0, busyHere.speedup(), 1e-9);
        Row fasterHere = Row.of(s, sample(), new WineFigures(Map.of("wait_signaled", 7_200.0), "quiet machine"));
        assertEquals(900.0, fasterHere.speedup(), 1e-9);
        assertEquals(Row.Verdict.MISSED, fasterHere.verdict());
        Row notRun = Row.of(s, sample(), WineFigures.notRun("no wine"));
        assertTrue(Double.isNaN(notRun.wineRunNs()));
        assertEquals(14_561.0, notRun.wineNs());
        assertTrue(WineFigures.notRun("no wine").source().contains("no wine"));
    }

    @Test
    void markdownJsonAndChartAreWritten(@TempDir Path dir) throws IOException {
        Path jmh = dir.resolve("run-jmh.json");
        Files.writeString(jmh, resource("jmh-sample.json"));
        Main.main(new String[] {"--jmh", jmh.toString(), "--out", dir.resolve("out").toString(), "--context",
                "profile: test"});

        String md = Files.readString(dir.resolve("out.md"));
        assertTrue(md.contains("- profile: test"), md);
        assertTrue(md.contains("| wait_signaled | 8.00 ± 0.25 | Semaphore release+acquire | 5.00 | 1.60× | 0 | – | 14 561 | "
                + "1 820× | ≥ 1000× Wine; ≤ 1.5× baseline ✗; ≤ 0 B/op | **missed** |"), md);
        assertTrue(md.contains("| WakeLatencyBenchmark.event_wake_latency | 12 000 | 14 000 | 20 000 | 40 000 | 80 000 | 200 000 |"), md);
        assertTrue(md.contains("## Where the time goes") && md.contains("- **wait_signaled**: " + Scenarios.FACADE), md);
        assertTrue(!md.contains(Scenarios.WAIT_ALL), "no note for a row the run did not measure");
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("out.json"))).getAsJsonObject();
        JsonObject first = json.getAsJsonArray("rows").asList().stream().map(e -> e.getAsJsonObject())
                .filter(o -> o.get("kobjBenchmark").getAsString().equals("WaitBenchmark.wait_signaled")).findFirst()
                .orElseThrow();
        assertEquals(1.6, first.get("ratio").getAsDouble(), 1e-12);
        assertEquals("MISSED", first.get("verdict").getAsString());
        assertTrue(first.get("baselineNs").isJsonPrimitive());
        byte[] png = Files.readAllBytes(dir.resolve("out.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }

    @Test
    void numbersAreFormattedForReading() {
        assertEquals("5.62", Report.ns(5.6214));
        assertEquals("157.3", Report.ns(157.29));
        assertEquals("36 139", Report.ns(36_139.4));
        assertEquals("–", Report.ns(Double.NaN));
        assertEquals("1.23×", Report.times(1.234));
        assertEquals("45.6×", Report.times(45.64));
        assertEquals("2 600×", Report.times(2600.2));
        assertEquals("0", Report.bytes(0.004));
        assertEquals("97", Report.bytes(96.6));
    }
}
