package dev.kobj.win32;

/** Mirrors MUTANT_BASIC_INFORMATION. */
public record MutantBasicInformation(int currentCount, boolean ownedByCaller, boolean abandonedState) {
}
