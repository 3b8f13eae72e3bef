package dev.kobj.api.security;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A security identifier: an identifier authority and up to 15 sub-authorities, written
 * {@code S-1-<authority>-<sub>...}. Immutable; equal SIDs are equal objects.
 *
 * @since 0.1
 */
public final class Sid {
    /** SID_MAX_SUB_AUTHORITIES. */
    public static final int MAX_SUB_AUTHORITIES = 15;
    /** The machine part of the SIDs of kobj's local accounts: S-1-5-21-M1-M2-M3-RID. */
    private static final int[] MACHINE = {21, 1_742_364_151, 2_108_311_022, (int) 3_581_403_219L};

    public static final Sid WORLD = of(1, 0);
    public static final Sid CREATOR_OWNER = of(3, 0);
    public static final Sid CREATOR_GROUP = of(3, 1);
    public static final Sid OWNER_RIGHTS = of(3, 4);
    public static final Sid NETWORK = of(5, 2);
    public static final Sid INTERACTIVE = of(5, 4);
    public static final Sid SERVICE = of(5, 6);
    public static final Sid ANONYMOUS = of(5, 7);
    public static final Sid AUTHENTICATED_USERS = of(5, 11);
    public static final Sid RESTRICTED = of(5, 12);
    public static final Sid LOCAL_SYSTEM = of(5, 18);
    public static final Sid LOCAL_SERVICE = of(5, 19);
    public static final Sid NETWORK_SERVICE = of(5, 20);
    public static final Sid ADMINISTRATORS = of(5, 32, 544);
    public static final Sid USERS = of(5, 32, 545);
    public static final Sid GUESTS = of(5, 32, 546);

    private final long authority;
    private final int[] subAuthorities;
    private final String text;

    private Sid(long authority, int[] subAuthorities) {
        this.authority = authority;
        this.subAuthorities = subAuthorities;
        StringBuilder s = new StringBuilder("S-1-");
        s.append(authority < (1L << 32) ? Long.toString(authority) : String.format("0x%012X", authority));
        for (int sub : subAuthorities) {
            s.append('-').append(Integer.toUnsignedString(sub));
        }
        this.text = s.toString();
    }

    /** A SID from its authority (0 to 2^48-1) and sub-authorities (unsigned 32-bit values). */
    public static Sid of(long authority, int... subAuthorities) {
        if (authority < 0 || authority >= (1L << 48)) {
            throw new IllegalArgumentException("authority out of range: " + authority);
        }
        if (subAuthorities.length > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("more than 15 sub-authorities");
        }
        return new Sid(authority, subAuthorities.clone());
    }

    /** A local account or group of this machine: S-1-5-21-machine-rid. */
    public static Sid local(int rid) {
        int[] subs = Arrays.copyOf(MACHINE, MACHINE.length + 1);
        subs[MACHINE.length] = rid;
        return new Sid(5, subs);
    }

    /** Parses {@code S-1-...}; {@code null} when the text is not a SID. */
    public static Sid parse(String text) {
        requireNonNull(text, "text is null");
        String[] parts = text.split("-", -1);
        if (parts.length < 3 || parts.length > 3 + MAX_SUB_AUTHORITIES
                || !parts[0].equalsIgnoreCase("S") || !parts[1].equals("1")) {
            return null;
        }
        try {
            long authority = parts[2].regionMatches(true, 0, "0x", 0, 2)
                    ? Long.parseLong(parts[2].substring(2), 16) : Long.parseLong(parts[2]);
            int[] subs = new int[parts.length - 3];
            for (int i = 0; i < subs.length; i++) {
                subs[i] = Integer.parseUnsignedInt(parts[i + 3]);
            }
            return authority < 0 || authority >= (1L << 48) ? null : new Sid(authority, subs);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public long authority() {
        return authority;
    }

    public int subAuthorityCount() {
        return subAuthorities.length;
    }

    public int subAuthority(int index) {
        return subAuthorities[index];
    }

    /** The size of the binary SID: 8 + 4 per sub-authority. */
    public int length() {
        return 8 + 4 * subAuthorities.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sid other && authority == other.authority
                && Arrays.equals(subAuthorities, other.subAuthorities);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(authority) * 31 + Arrays.hashCode(subAuthorities);
    }

    /** The {@code S-1-...} form. */
    @Override
    public String toString() {
        return text;
    }
}
