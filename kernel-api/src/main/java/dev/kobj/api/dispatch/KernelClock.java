package dev.kobj.api.dispatch;

/**
 * The kernel's one clock: a monotonic nanosecond counter for timeouts and NT system time (100 ns units
 * since 1601-01-01 UTC) for absolute due times. Injectable, so tests can run on their own time.
 *
 * @since 0.1
 */
public interface KernelClock {
    /** 100 ns intervals between 1601-01-01 and 1970-01-01. */
    long EPOCH_1601_TO_1970 = 116_444_736_000_000_000L;

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Current NT system time (FILETIME). */
    long systemTime();

    /** The host's clocks. */
    KernelClock SYSTEM = new KernelClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long systemTime() {
            java.time.Instant now = java.time.Instant.now();
            return EPOCH_1601_TO_1970 + now.getEpochSecond() * 10_000_000L + now.getNano() / 100;
        }
    };
}
