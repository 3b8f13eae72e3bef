package dev.kobj.core.security;

import static dev.kobj.api.object.Access.ACCESS_SYSTEM_SECURITY;
import static dev.kobj.api.object.Access.READ_CONTROL;
import static dev.kobj.api.object.Access.WRITE_DAC;
import static dev.kobj.api.object.Access.WRITE_OWNER;
import static dev.kobj.api.security.SecurityDescriptor.DACL_SECURITY_INFORMATION;
import static dev.kobj.api.security.SecurityDescriptor.GROUP_SECURITY_INFORMATION;
import static dev.kobj.api.security.SecurityDescriptor.LABEL_SECURITY_INFORMATION;
import static dev.kobj.api.security.SecurityDescriptor.OWNER_SECURITY_INFORMATION;
import static dev.kobj.api.security.SecurityDescriptor.SACL_SECURITY_INFORMATION;
import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_HANDLE;
import static dev.kobj.api.status.NtStatus.STATUS_INVALID_PARAMETER;
import static dev.kobj.api.status.NtStatus.STATUS_NO_TOKEN;
import static dev.kobj.api.status.NtStatus.STATUS_OBJECT_TYPE_MISMATCH;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.process.KThread;
import dev.kobj.api.security.Identity;
import dev.kobj.api.security.SecurityDescriptor;
import dev.kobj.api.security.SecurityService;
import dev.kobj.core.CoreTypes;
import dev.kobj.core.process.CoreProcess;

/** The security service on the object manager's handles and the processes' tokens. */
public final class SecurityServiceImpl implements SecurityService {
    private static final int PROCESS_QUERY_INFORMATION = 0x0400;
    private static final int PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
    private static final int THREAD_QUERY_INFORMATION = 0x0040;
    private static final int THREAD_QUERY_LIMITED_INFORMATION = 0x0800;
    private static final int KNOWN_INFORMATION = OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION
            | DACL_SECURITY_INFORMATION | SACL_SECURITY_INFORMATION | LABEL_SECURITY_INFORMATION;
    /** What an object without security reports: a NULL DACL. */
    private static final SecurityDescriptor UNSECURED = SecurityDescriptor.of(null, null, null);

    private final ObjectManager objects;

    @Inject
    public SecurityServiceImpl(ObjectManager objects) {
        this.objects = requireNonNull(objects, "objects is null");
    }

    @Override
    public int querySecurity(KThread caller, long handle, int securityInformation, SecurityDescriptor[] descriptor) {
        HandleEntry entry = objects.lookup(caller, handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (descriptor == null || descriptor.length == 0) {
            return STATUS_INVALID_PARAMETER;
        }
        int status = entry.check(null, rightsFor(securityInformation, READ_CONTROL));
        if (status != STATUS_SUCCESS) {
            return status;
        }
        SecurityDescriptor sd = entry.object().securityDescriptor();
        descriptor[0] = sd == null ? UNSECURED.select(securityInformation)
                : ObjectSecurity.mapped(sd, entry.object().type().genericMapping()).select(securityInformation);
        return STATUS_SUCCESS;
    }

    @Override
    public int setSecurity(KThread caller, long handle, int securityInformation, SecurityDescriptor descriptor) {
        HandleEntry entry = objects.lookup(caller, handle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (descriptor == null || (securityInformation & KNOWN_INFORMATION) == 0) {
            return STATUS_INVALID_PARAMETER;
        }
        int needed = ((securityInformation & DACL_SECURITY_INFORMATION) != 0 ? WRITE_DAC : 0)
                | ((securityInformation & (OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION
                        | LABEL_SECURITY_INFORMATION)) != 0 ? WRITE_OWNER : 0)
                | ((securityInformation & SACL_SECURITY_INFORMATION) != 0 ? ACCESS_SYSTEM_SECURITY : 0);
        int status = entry.check(null, needed);
        if (status != STATUS_SUCCESS) {
            return status;
        }
        KernelObject object = entry.object();
        SecurityDescriptor current;
        do {
            current = object.securityDescriptor();
        } while (!object.compareAndSetSecurityDescriptor(current,
                ObjectSecurity.merge(current, securityInformation, descriptor, object.type().genericMapping())));
        return STATUS_SUCCESS;
    }

    @Override
    public int openProcessToken(KThread caller, long processHandle, int desiredAccess, int handleAttributes,
            long[] tokenHandle) {
        HandleEntry entry = objects.lookup(caller, processHandle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (tokenHandle == null) {
            return STATUS_INVALID_PARAMETER;
        }
        if (entry.object().type() != CoreTypes.PROCESS) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        if ((entry.grantedAccess() & (PROCESS_QUERY_INFORMATION | PROCESS_QUERY_LIMITED_INFORMATION)) == 0) {
            return STATUS_ACCESS_DENIED;
        }
        return objects.openObject(caller, ((CoreProcess) entry.object()).token(), desiredAccess, handleAttributes,
                tokenHandle);
    }

    @Override
    public int openThreadToken(KThread caller, long threadHandle, int desiredAccess, boolean openAsSelf,
            int handleAttributes, long[] tokenHandle) {
        HandleEntry entry = objects.lookup(caller, threadHandle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (tokenHandle == null) {
            return STATUS_INVALID_PARAMETER;
        }
        if (entry.object().type() != CoreTypes.THREAD) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        if ((entry.grantedAccess() & (THREAD_QUERY_INFORMATION | THREAD_QUERY_LIMITED_INFORMATION)) == 0) {
            return STATUS_ACCESS_DENIED;
        }
        return STATUS_NO_TOKEN;
    }

    @Override
    public int queryToken(KThread caller, long tokenHandle, Identity[] identity) {
        HandleEntry entry = objects.lookup(caller, tokenHandle);
        if (entry == null) {
            return STATUS_INVALID_HANDLE;
        }
        if (identity == null || identity.length == 0) {
            return STATUS_INVALID_PARAMETER;
        }
        int status = entry.check(CoreTypes.TOKEN, TOKEN_QUERY);
        if (status == STATUS_SUCCESS) {
            identity[0] = ((TokenObject) entry.object()).identity();
        }
        return status;
    }

    /** READ_CONTROL for owner, group, DACL and label; ACCESS_SYSTEM_SECURITY for the SACL. */
    private static int rightsFor(int securityInformation, int ordinary) {
        return ((securityInformation & (OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION
                | DACL_SECURITY_INFORMATION | LABEL_SECURITY_INFORMATION)) != 0 ? ordinary : 0)
                | ((securityInformation & SACL_SECURITY_INFORMATION) != 0 ? ACCESS_SYSTEM_SECURITY : 0);
    }
}
