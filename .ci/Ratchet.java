import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The conformance ratchet: reads Surefire's XML reports, fails if a test listed in the passing list
 * does not pass, and prints the count and the tests that newly pass. With --write, adds them to the list.
 *
 * Usage: java .ci/Ratchet.java REPORTS_DIR PASSING_LIST [--write]
 */
void main(String[] args) throws Exception {
    Path reports = Path.of(args[0]);
    Path list = Path.of(args[1]);
    boolean write = args.length > 2 && args[2].equals("--write");

    Set<String> all = new TreeSet<>();
    Set<String> passing = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> stream = Files.list(reports)) {
        files = stream.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
    }
    var factory = DocumentBuilderFactory.newInstance();
    for (Path file : files) {
        NodeList cases = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            String className = testcase.getAttribute("classname");
            String id = className.substring(className.lastIndexOf('.') + 1) + "#" + testcase.getAttribute("name");
            all.add(id);
            boolean failed = testcase.getElementsByTagName("failure").getLength() > 0
                    || testcase.getElementsByTagName("error").getLength() > 0
                    || testcase.getElementsByTagName("skipped").getLength() > 0;
            if (!failed) {
                passing.add(id);
            }
        }
    }

    Set<String> listed = new TreeSet<>();
    if (Files.exists(list)) {
        for (String line : Files.readAllLines(list)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                listed.add(entry);
            }
        }
    }

    List<String> regressions = listed.stream().filter(t -> !passing.contains(t)).toList();
    List<String> fresh = passing.stream().filter(t -> !listed.contains(t)).toList();

    System.out.println(passing.size() + " of " + all.size() + " conformance tests pass");
    if (!fresh.isEmpty()) {
        System.out.println("newly passing, to add to " + list + (write ? " (added)" : "") + ":");
        fresh.forEach(t -> System.out.println("  " + t));
        if (write) {
            Set<String> merged = new TreeSet<>(listed);
            merged.addAll(fresh);
            List<String> lines = new ArrayList<>();
            lines.add("# Conformance tests that must keep passing (ClassName#method); the list only grows.");
            lines.addAll(merged);
            Files.write(list, lines);
        }
    }
    if (!regressions.isEmpty()) {
        System.out.println("FAILED: listed conformance tests that no longer pass:");
        regressions.forEach(t -> System.out.println("  " + t));
        System.exit(1);
    }
}
