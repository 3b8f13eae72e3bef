package dev.kobj.hardening;

import static dev.kobj.win32.Win32.*;

import dev.kobj.hardening.Driver.Kind;
import dev.kobj.hardening.Driver.Sel;
import dev.kobj.hardening.Steps.Family;
import dev.kobj.hardening.Steps.Step;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random programs of Win32 calls from several processes and threads over every family at once,
 * against a model: each result is the one the model predicts (or, for hostile input it cannot
 * predict, a documented failure), and after each step the per-type object and handle counts are the
 * baseline plus the model's. jqwik shrinks a failing program to a minimal one.
 */
class KernelModelProperties {
    private final List<Driver> drivers = new ArrayList<>();

    @Property(tries = 8)
    void programsKeepTheKernelConsistent(@ForAll("programs") ActionChain<Driver> program) {
        program.withInvariant("counts", d -> d.checkCounts("after " + program.transformations().size() + " steps"))
                .run();
    }

    @Property(tries = 60)
    @Tag("stress")
    void longProgramsKeepTheKernelConsistent(@ForAll("longPrograms") ActionChain<Driver> program) {
        program.withInvariant("counts", d -> d.checkCounts("after " + program.transformations().size() + " steps"))
                .run();
    }

    @AfterTry
    void closeWorlds() {
        drivers.forEach(Driver::close);
        drivers.clear();
    }

    @Provide
    Arbitrary<ActionChain<Driver>> programs() {
        return chain(40);
    }

    @Provide
    Arbitrary<ActionChain<Driver>> longPrograms() {
        return chain(200);
    }

    private Arbitrary<ActionChain<Driver>> chain(int steps) {
        return ActionChain.<Driver>startWith(() -> {
            Driver driver = new Driver();
            drivers.add(driver);
            return driver;
        }).withAction(new StepAction()).withMaxTransformations(steps);
    }

    /** Any step, weighted towards the ones that make objects and handles. */
    static final class StepAction implements Action.Independent<Driver> {
        @Override
        public Arbitrary<Transformer<Driver>> transformer() {
            return steps().map(step -> Transformer.mutate(step.toString(), d -> d.step(step)));
        }
    }

    static Arbitrary<Step> steps() {
        Arbitrary<Integer> p = Arbitraries.integers().between(0, World.PROCESSES - 1);
        Arbitrary<Integer> t = Arbitraries.integers().between(0, World.THREADS - 1);
        Arbitrary<Integer> name = Arbitraries.integers().between(0, Names.WIN32.length - 1);
        Arbitrary<Sel> sel = Combinators.combine(Arbitraries.frequency(
                        net.jqwik.api.Tuple.of(12, Kind.OWN), net.jqwik.api.Tuple.of(2, Kind.TAGGED),
                        net.jqwik.api.Tuple.of(2, Kind.CLOSED), net.jqwik.api.Tuple.of(2, Kind.FOREIGN),
                        net.jqwik.api.Tuple.of(1, Kind.PSEUDO), net.jqwik.api.Tuple.of(1, Kind.GARBAGE)),
                Arbitraries.integers().between(0, 50)).as(Sel::new);
        Arbitrary<Integer> access = Arbitraries.oneOf(Arbitraries.of(0, SYNCHRONIZE, 1, 2, 3, 4, 6, SYNCHRONIZE | 2,
                SYNCHRONIZE | 1, GENERIC_READ, GENERIC_WRITE, GENERIC_ALL, MAXIMUM_ALLOWED, READ_CONTROL, 0x00F00000,
                0x1F0003, 0xF001F, -1), Arbitraries.integers());
        Arbitrary<Integer> small = Arbitraries.oneOf(Arbitraries.integers().between(-2, 5),
                Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFF_FFFE));
        Arbitrary<Long> size = Arbitraries.of(0L, -1L, 1L, 4096L, 65_537L, 1L << 48, 1L << 32, 3L);
        Arbitrary<Step> create = Combinators.combine(p, t, Arbitraries.of(Family.class), name, Arbitraries.of(true, false),
                small, Arbitraries.oneOf(small.map(Integer::longValue), size)).as((pp, tt, f, n, flag, a, b) ->
                        new Steps.Create(pp, tt, f, n, flag, f == Family.SECTION ? sectionProtect(a) : a, b));
        Arbitrary<Step> open = Combinators.combine(p, t, Arbitraries.of(Family.EVENT, Family.MUTEX, Family.SEMAPHORE,
                Family.TIMER, Family.SECTION, Family.JOB), name, access).as(Steps.Open::new);
        Arbitrary<Step> close = Combinators.combine(p, t, sel, Arbitraries.of(true, false)).as(Steps.Close::new);
        Arbitrary<Step> signal = Combinators.combine(p, t, sel, Arbitraries.integers().between(0, 5), small)
                .as(Steps.Signal::new);
        Arbitrary<Step> wait = Combinators.combine(p, t, sel).as(Steps.Wait::new);
        Arbitrary<Step> duplicate = Combinators.combine(p, t, p, sel, p, access, Arbitraries.of(true, false),
                Arbitraries.of(0, DUPLICATE_SAME_ACCESS, DUPLICATE_CLOSE_SOURCE, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE, 0x100))
                .as(Steps.Duplicate::new);
        Arbitrary<Step> query = Combinators.combine(p, t, sel).as(Steps.Query::new);
        Arbitrary<Step> map = Combinators.combine(p, t, sel, Arbitraries.of(FILE_MAP_READ, FILE_MAP_WRITE,
                FILE_MAP_ALL_ACCESS, FILE_MAP_COPY, 0, -1), Arbitraries.of(0, 1, 4096, 70_000, -1))
                .as(Steps.Map::new);
        Arbitrary<Step> touch = Combinators.combine(p, t, Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 70_000), Arbitraries.bytes(), Arbitraries.integers().between(0, 2))
                .as(Steps.Touch::new);
        Arbitrary<Step> pipe = Combinators.combine(p, t, Arbitraries.of(0, 4096, 65_536, -1)).as(Steps.CreatePipe::new);
        Arbitrary<Step> file = Combinators.combine(p, t, Arbitraries.integers().between(0, Steps.CreateFile.PATHS.length - 1),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 6)).as(Steps.CreateFile::new);
        Arbitrary<Step> transfer = Combinators.combine(p, t, sel, Arbitraries.of(true, false),
                Arbitraries.oneOf(Arbitraries.integers().between(0, 64), Arbitraries.of(-1, 1 << 17)), Arbitraries.bytes())
                .as(Steps.Transfer::new);
        Arbitrary<Step> seek = Combinators.combine(p, t, sel, Arbitraries.of(0L, 3L, -1L, -100L, 1L << 33, Long.MIN_VALUE),
                Arbitraries.integers().between(0, 3)).as(Steps.Seek::new);
        Arbitrary<Step> completion = Combinators.combine(p, t, sel, Arbitraries.of(true, false), small,
                Arbitraries.of(0L, 7L, -1L)).as(Steps.Completion::new);
        Arbitrary<Step> terminate = Combinators.combine(p, t, Arbitraries.integers().between(0, 1)).as(Steps.Terminate::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, create), net.jqwik.api.Tuple.of(4, open), net.jqwik.api.Tuple.of(6, close),
                net.jqwik.api.Tuple.of(6, signal), net.jqwik.api.Tuple.of(6, wait), net.jqwik.api.Tuple.of(5, duplicate),
                net.jqwik.api.Tuple.of(3, query), net.jqwik.api.Tuple.of(3, map), net.jqwik.api.Tuple.of(3, touch),
                net.jqwik.api.Tuple.of(2, pipe), net.jqwik.api.Tuple.of(3, file), net.jqwik.api.Tuple.of(6, transfer),
                net.jqwik.api.Tuple.of(2, seek), net.jqwik.api.Tuple.of(4, completion), net.jqwik.api.Tuple.of(1, terminate));
    }

    private static int sectionProtect(int a) {
        return switch (Math.floorMod(a, 4)) {
            case 0, 1 -> PAGE_READWRITE;
            case 2 -> PAGE_READONLY;
            default -> a;
        };
    }
}
