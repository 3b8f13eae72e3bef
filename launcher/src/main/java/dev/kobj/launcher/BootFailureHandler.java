package dev.kobj.launcher;

import dev.kobj.api.KernelBootException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Reports a kernel that cannot boot as its problem lines, without a stack trace; exit code 1. */
final class BootFailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult)
            throws Exception {
        if (e instanceof KernelBootException boot) {
            boot.problems().forEach(p -> commandLine.getErr().println("kobj: " + p));
            return 1;
        }
        if (e instanceof IllegalArgumentException bad) {
            commandLine.getErr().println("kobj: " + bad.getMessage());
            return 2;
        }
        throw e;
    }
}
