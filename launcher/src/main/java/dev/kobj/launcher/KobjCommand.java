package dev.kobj.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kobj}: boots a kernel from the modules it finds and shows what is inside. */
@Command(name = "kobj", mixinStandardHelpOptions = true, version = "kobj 0.1.0-SNAPSHOT",
        description = "An NT-style kernel object manager for the JVM.",
        subcommands = {TypesCommand.class, DirCommand.class, DemoCommand.class})
final class KobjCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
