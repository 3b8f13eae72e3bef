package dev.kobj.launcher;

import picocli.CommandLine.Command;

/** {@code tree [PATH]}: {@code dir --tree}. */
@Command(name = "tree", mixinStandardHelpOptions = true,
        description = "Show the object namespace below PATH (default \\) as a tree.")
final class TreeCommand extends DirCommand {
    TreeCommand(Console console) {
        super(console);
    }

    @Override
    String commandName() {
        return "tree";
    }

    @Override
    boolean descend() {
        return true;
    }
}
