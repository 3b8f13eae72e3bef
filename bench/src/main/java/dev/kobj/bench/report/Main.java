package dev.kobj.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report program run by {@code bench/run}: reads JMH's JSON, takes Wine's figures from run.sh's
 * summary (or RESULTS.md's), and writes {@code PREFIX.md}, {@code PREFIX.json} and {@code PREFIX.png}.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.kobj.bench.report.Main --jmh RUN.json --out bench/results/DATE
 *     [--wine-summary run.sh-output.txt] [--wine-note WHY] [--title T] [--context LINE]...
 * </pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws IOException {
        Path jmh = null;
        Path out = null;
        Path wineSummary = null;
        String wineNote = "run.sh was not run";
        String title = "kobj against java.util.concurrent and Wine";
        List<String> context = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--jmh" -> jmh = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--wine-summary" -> wineSummary = Path.of(value);
                case "--wine-note" -> wineNote = value;
                case "--title" -> title = value;
                case "--context" -> context.add(value);
                default -> usage("unknown argument " + args[i]);
            }
            if (value == null) {
                usage(args[i] + " needs a value");
            }
            i++;
        }
        if (jmh == null || out == null) {
            usage("--jmh and --out are required");
        }
        Map<String, Measurement> run = JmhResults.parse(Files.readString(jmh));
        WineFigures wine = wineSummary != null && Files.isRegularFile(wineSummary)
                ? WineFigures.parseSummary(Files.readString(wineSummary), "run.sh on this machine ("
                        + wineSummary.getFileName() + "): " + wineNote)
                : WineFigures.notRun(wineNote);
        Report report = Report.of(Scenarios.ALL, run, wine, context);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(Path.of(out + ".md"), report.markdown(title));
        Files.writeString(Path.of(out + ".json"), report.json());
        Chart.writePng(report.rows(), Path.of(out + ".png"), "kobj");
        System.out.println(report.tally());
        System.out.println("wrote " + out + ".md, .json, .png");
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: Main --jmh RUN.json --out PREFIX [--wine-summary FILE] [--wine-note WHY]"
                + " [--title T] [--context LINE]...");
        System.exit(2);
    }
}
