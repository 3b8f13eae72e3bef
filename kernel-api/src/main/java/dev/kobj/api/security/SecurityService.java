package dev.kobj.api.security;

import dev.kobj.api.process.KThread;

/**
 * Security of objects and tokens (nt-semantics.md §4): the caller first, an NTSTATUS back, outputs
 * through one-element arrays. Thread-safe.
 *
 * @since 0.1
 */
public interface SecurityService {
    /** TOKEN_QUERY. */
    int TOKEN_QUERY = 0x0008;

    /**
     * NtQuerySecurityObject: the parts {@code securityInformation} names. Owner, group and DACL need
     * READ_CONTROL on the handle, the SACL ACCESS_SYSTEM_SECURITY.
     */
    int querySecurity(KThread caller, long handle, int securityInformation, SecurityDescriptor[] descriptor);

    /**
     * NtSetSecurityObject: replaces the parts {@code securityInformation} names. The DACL needs
     * WRITE_DAC, owner and group WRITE_OWNER, the SACL ACCESS_SYSTEM_SECURITY. Generic rights in the
     * new ACEs are mapped for the object's type.
     */
    int setSecurity(KThread caller, long handle, int securityInformation, SecurityDescriptor descriptor);

    /**
     * NtOpenProcessToken: the process handle needs PROCESS_QUERY_(LIMITED_)INFORMATION; the token's
     * own descriptor decides {@code desiredAccess}.
     */
    int openProcessToken(KThread caller, long processHandle, int desiredAccess, int handleAttributes,
            long[] tokenHandle);

    /**
     * NtOpenThreadToken: the thread handle needs THREAD_QUERY_INFORMATION; a thread that is not
     * impersonating has no token of its own (STATUS_NO_TOKEN), and kobj threads never impersonate yet.
     */
    int openThreadToken(KThread caller, long threadHandle, int desiredAccess, boolean openAsSelf,
            int handleAttributes, long[] tokenHandle);

    /** The identity behind a token handle; needs TOKEN_QUERY. */
    int queryToken(KThread caller, long tokenHandle, Identity[] identity);
}
