package dev.kobj.launcher;

import dev.kobj.api.status.NtStatus;
import dev.kobj.api.status.StatusRegistry;
import dev.kobj.win32.Win32;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/** How the launcher names an NTSTATUS: its NT name and the Win32 error it maps to. */
final class Statuses {
    private static final Map<Integer, String> WIN32_ERRORS = win32Errors();

    private Statuses() {
    }

    /**
     * {@code STATUS_OBJECT_NAME_NOT_FOUND (ERROR_FILE_NOT_FOUND 2)}; a success status is its name alone.
     * Named by the kernel's status registry, so a plugin's own statuses print as the built-in ones do.
     */
    static String describe(StatusRegistry statuses, int status) {
        String name = statuses.name(status);
        if (!NtStatus.isError(status) && !NtStatus.isWarning(status)) {
            return name;
        }
        int error = statuses.toDosError(status);
        return name + " (" + win32ErrorName(error) + " " + error + ")";
    }

    /** The winerror.h name of a Win32 error, or {@code ERROR_<n>} for one the contract does not name. */
    static String win32ErrorName(int error) {
        return WIN32_ERRORS.getOrDefault(error, "ERROR_" + error);
    }

    /**
     * The ERROR_* constants of {@link Win32}, by value; the first declared wins (ERROR_SUCCESS over NO_ERROR);
     * then winerror.h's names of the errors the kernel's statuses map to that the contract does not declare.
     */
    private static Map<Integer, String> win32Errors() {
        Map<Integer, String> names = new HashMap<>();
        Map<Integer, String> undeclared = Map.ofEntries(Map.entry(18, "ERROR_NO_MORE_FILES"),
                Map.entry(145, "ERROR_DIR_NOT_EMPTY"), Map.entry(193, "ERROR_BAD_EXE_FORMAT"),
                Map.entry(206, "ERROR_FILENAME_EXCED_RANGE"), Map.entry(487, "ERROR_INVALID_ADDRESS"),
                Map.entry(587, "ERROR_MUTANT_LIMIT_EXCEEDED"), Map.entry(1132, "ERROR_MAPPED_ALIGNMENT"),
                Map.entry(1224, "ERROR_USER_MAPPED_FILE"), Map.entry(1307, "ERROR_INVALID_OWNER"),
                Map.entry(1314, "ERROR_PRIVILEGE_NOT_HELD"), Map.entry(1338, "ERROR_INVALID_SECURITY_DESCR"),
                Map.entry(1450, "ERROR_NO_SYSTEM_RESOURCES"), Map.entry(1455, "ERROR_COMMITMENT_LIMIT"),
                Map.entry(1816, "ERROR_NOT_ENOUGH_QUOTA"));
        for (Field field : Win32.class.getFields()) {
            if (field.getName().startsWith("ERROR_") && field.getType() == int.class
                    && Modifier.isStatic(field.getModifiers())) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        undeclared.forEach(names::putIfAbsent);
        return Map.copyOf(names);
    }
}
