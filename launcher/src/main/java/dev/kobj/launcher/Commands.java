package dev.kobj.launcher;

import dev.kobj.api.KernelBootException;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Builds the two command trees (the {@code kobj} command line, and shell/script lines) over one console. */
final class Commands {
    /** The commands a shell or script line may run; each is also a {@code kobj} subcommand. */
    static final Class<?>[] LINE_COMMANDS = {
        TypesCommand.class, DirCommand.class, TreeCommand.class, PsCommand.class, HandlesCommand.class,
        ObjCommand.class, CreateCommand.class, OpenCommand.class, SignalCommands.Set.class,
        SignalCommands.Reset.class, SignalCommands.Release.class, WaitCommand.class, CloseCommand.class,
        KillCommand.class, DeadlocksCommand.class, WatchCommand.class, DemoCommand.class, EchoCommand.class,
        SleepCommand.class, TraceCommand.class,
    };

    private Commands() {
    }

    /** {@code kobj [global options] COMMAND}: the line commands plus run and shell. */
    static CommandLine kobj(Console console) {
        CommandLine root = new CommandLine(new KobjCommand(console), factory(console));
        root.addSubcommand(new RunCommand(console));
        root.addSubcommand(new ShellCommand(console));
        add(root, console);
        return handlers(root, console);
    }

    /** The tree a shell or script line runs in: the line commands and {@code help}. */
    static CommandLine lineCommands(Console console) {
        CommandLine root = new CommandLine(new LineRoot(), factory(console));
        root.addSubcommand(new CommandLine.HelpCommand());
        add(root, console);
        return handlers(root, console);
    }

    private static void add(CommandLine root, Console console) {
        CommandLine.IFactory factory = factory(console);
        for (Class<?> command : LINE_COMMANDS) {
            try {
                root.addSubcommand(factory.create(command));
                if (command == EchoCommand.class) {
                    root.getSubcommands().get("echo").setUnmatchedOptionsArePositionalParams(true); // echo "-- x"
                }
                if (command == TraceCommand.class) { // trace wait E --timeout 5: the options are the command's
                    root.getSubcommands().get("trace").setStopAtPositional(true)
                            .setUnmatchedOptionsArePositionalParams(true);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot make " + command.getSimpleName(), e);
            }
        }
    }

    private static CommandLine handlers(CommandLine root, Console console) {
        return root.setExecutionExceptionHandler(new Failures(console))
                .setParameterExceptionHandler(new BadUsage(console))
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Gives each command the console through its {@code (Console)} constructor. */
    static CommandLine.IFactory factory(Console console) {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    Constructor<K> constructor = type.getDeclaredConstructor(Console.class);
                    return constructor.newInstance(console);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        };
    }

    /** The root of line commands: a line names a command. */
    @CommandLine.Command(name = "", customSynopsis = "COMMAND [OPTIONS] [ARGUMENTS]",
            description = "Commands of the kobj shell and of scripts (kobj run), all on one kernel:",
            footer = {"", "Objects are named as for Win32: Foo is in the console session's \\Sessions\\1\\BaseNamedObjects "
                    + "(--config: session), Global\\Foo in "
                    + "\\BaseNamedObjects, and \\Path is a full NT path. help COMMAND tells more; exit leaves the shell."})
    static final class LineRoot implements Runnable {
        @Override
        public void run() {
        }
    }

    /** A usage mistake is one line and exit code 2; the full usage is one {@code help COMMAND} away. */
    private record BadUsage(Console console) implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            String command = e.getCommandLine().getCommandName();
            boolean root = command.isEmpty() || command.equals("kobj");
            if (root && e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                    && !u.getUnmatched().getFirst().startsWith("-")) {
                console.fail("unknown command '" + u.getUnmatched().getFirst() + "' (see: help)");
                return 2;
            }
            console.fail((command.isEmpty() ? "" : command + ": ") + e.getMessage()
                    + (command.isEmpty() || command.equals("kobj") ? "" : " (see: help " + command + ")"));
            return 2;
        }
    }

    /** A kernel that cannot boot is its problem lines; anything unexpected is one line (a trace with --debug). */
    private record Failures(Console console) implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
            console.debug(e);
            String command = commandLine.getCommandName();
            if (e instanceof KernelBootException boot) {
                boot.problems().forEach(console::fail);
                return 1;
            }
            if (e instanceof IllegalArgumentException bad) {
                console.fail(bad.getMessage());
                return 2;
            }
            return console.fail(command + ": " + e);
        }
    }
}
