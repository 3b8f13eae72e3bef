package dev.kobj.win32;

/** PAPCFUNC: a user APC routine. */
@FunctionalInterface
public interface ApcProc {
    void apply(long parameter);
}
