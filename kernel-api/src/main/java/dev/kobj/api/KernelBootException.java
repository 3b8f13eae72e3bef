package dev.kobj.api;

import java.util.List;

/**
 * A kernel could not boot. The message has one line per problem, each naming the modules involved.
 *
 * @since 0.1
 */
public final class KernelBootException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public KernelBootException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public KernelBootException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** Each problem, one line each. */
    public List<String> problems() {
        return problems;
    }
}
