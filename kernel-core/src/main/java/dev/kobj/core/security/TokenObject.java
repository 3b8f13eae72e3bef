package dev.kobj.core.security;

import static java.util.Objects.requireNonNull;

import dev.kobj.api.object.KernelObject;
import dev.kobj.api.security.Identity;
import dev.kobj.api.security.SecurityDescriptor;
import dev.kobj.core.CoreTypes;

/**
 * A primary access token: an identity and a session. The default descriptor is built once here and
 * shared by every object the token's processes create without naming one, so default security costs
 * no allocation per object.
 */
public final class TokenObject extends KernelObject {
    private final Identity identity;
    private final int sessionId;
    private final SecurityDescriptor defaultDescriptor;

    public TokenObject(Identity identity, int sessionId) {
        super(CoreTypes.TOKEN);
        this.identity = requireNonNull(identity, "identity is null");
        this.sessionId = sessionId;
        this.defaultDescriptor = identity.defaultDescriptor();
        setSecurityDescriptor(defaultDescriptor);
    }

    public Identity identity() {
        return identity;
    }

    public int sessionId() {
        return sessionId;
    }

    public SecurityDescriptor defaultDescriptor() {
        return defaultDescriptor;
    }
}
