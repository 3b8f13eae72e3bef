package dev.kobj.win32;

/** A program {@code CreateProcess} can start: {@code main} runs on the first thread; its return value is the exit code. */
@FunctionalInterface
public interface Win32Program {
    int main(Kernel32 self, String commandLine);
}
