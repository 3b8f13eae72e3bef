package dev.kobj.win32;

/** PTIMERAPCROUTINE: a waitable timer's completion routine. */
@FunctionalInterface
public interface TimerApcProc {
    void apply(long arg, int lowTime, int highTime);
}
