package dev.kobj.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;

/**
 * Completes the shell's first word from the command names, later words from the command's options,
 * its fixed choices (create's types, demo names, watch's views), the names the console holds, and a
 * word starting with {@code \} from the object namespace, one directory level at a time.
 */
final class ShellCompleter implements Completer {
    private final Console console;

    ShellCompleter(Console console) {
        this.console = console;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        CommandLine commands = console.lines();
        if (line.wordIndex() == 0) {
            for (String name : commands.getSubcommands().keySet()) {
                candidates.add(new Candidate(name));
            }
            candidates.add(new Candidate("exit"));
            return;
        }
        String word = line.word().substring(0, line.wordCursor());
        if (word.startsWith("\\")) {
            paths(word, candidates);
            return;
        }
        CommandLine command = commands.getSubcommands().get(line.words().getFirst());
        if (command == null) {
            return;
        }
        if (word.startsWith("-")) {
            command.getCommandSpec().options().forEach(o -> {
                for (String name : o.names()) {
                    candidates.add(new Candidate(name));
                }
            });
            return;
        }
        command.getCommandSpec().positionalParameters().forEach(p -> {
            if (p.completionCandidates() != null) {
                p.completionCandidates().forEach(c -> candidates.add(new Candidate(c)));
            }
        });
        if (console.hasSession()) {
            console.session().names().keySet().forEach(n -> candidates.add(new Candidate(n)));
        }
    }

    /** The entries of the directory the word is in, as full paths; directories end in {@code \}, unfinished. */
    private void paths(String word, List<Candidate> candidates) {
        int cut = word.lastIndexOf('\\');
        String directory = cut == 0 ? "\\" : word.substring(0, cut);
        String prefix = word.substring(0, cut + 1);
        List<NamespaceView.Entry> entries = new NamespaceView(console.session()).list(directory, new int[1]);
        if (entries == null) {
            return;
        }
        String typed = word.substring(cut + 1).toLowerCase(Locale.ROOT);
        List<Candidate> found = new ArrayList<>();
        for (NamespaceView.Entry e : entries) {
            if (!e.name().toLowerCase(Locale.ROOT).startsWith(typed)) {
                continue;
            }
            boolean isDirectory = e.type().equals("Directory");
            String value = prefix + e.name() + (isDirectory ? "\\" : "");
            found.add(new Candidate(value, e.name(), null, e.type(), null, null, !isDirectory));
        }
        candidates.addAll(found);
    }
}
