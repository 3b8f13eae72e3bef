package dev.kobj.win32;

import static dev.kobj.win32.Win32.*;

import dev.kobj.api.process.KThread;

/**
 * The Create and Open shapes the family calls share (CreateFileMapping, CreateJobObject, ...): a
 * Win32 name below the session's BaseNamedObjects, the SECURITY_ATTRIBUTES, the last-error rules;
 * and the failure of a call whose family the kernel lacks.
 */
final class NamedObjects {
    /** A family's create or open by kernel OBJECT_ATTRIBUTES. */
    @FunctionalInterface
    interface Call {
        int call(KThread thread, dev.kobj.api.object.ObjectAttributes attributes, long[] handle);
    }

    private NamedObjects() {
    }

    /** Create*: OBJ_OPENIF, last error 0 or ERROR_ALREADY_EXISTS. */
    static long create(CallContext context, SecurityAttributes security, String name, Call create) {
        KThread thread = context.thread();
        var attributes = Names.win32(context.baseNamedObjects(), name, security != null && security.inheritHandle(),
                true, security == null ? null : security.descriptor());
        if (attributes == null) {
            return Kernel32Impl.failed(thread, STATUS_OBJECT_PATH_SYNTAX_BAD);
        }
        long[] handle = new long[1];
        return Kernel32Impl.created(thread, create.call(thread, attributes, handle), handle);
    }

    /** Open*: a name is required (ERROR_INVALID_PARAMETER). */
    static long open(CallContext context, String name, boolean inherit, Call open) {
        KThread thread = context.thread();
        var attributes = name == null ? null : Names.win32(context.baseNamedObjects(), name, inherit, false);
        if (attributes == null) {
            return Kernel32Impl.failed(thread, name == null ? STATUS_INVALID_PARAMETER : STATUS_OBJECT_PATH_SYNTAX_BAD);
        }
        long[] handle = new long[1];
        return Kernel32Impl.opened(thread, open.call(thread, attributes, handle), handle);
    }

    /** NULL with ERROR_CALL_NOT_IMPLEMENTED: the kernel was built without the family. */
    static long notImplemented(CallContext context) {
        context.setLastError(ERROR_CALL_NOT_IMPLEMENTED);
        return NULL;
    }

    static boolean notImplementedBool(CallContext context) {
        notImplemented(context);
        return false;
    }
}
