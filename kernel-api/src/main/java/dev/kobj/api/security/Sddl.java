package dev.kobj.api.security;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Security Descriptor Definition Language: {@code O:owner G:group D:flags(ace)... S:flags(ace)...}
 * with ACEs written {@code (type;flags;rights;;;sid)}. Formatting follows Windows' converter: well-known
 * SIDs by alias, rights by name when every bit has one and in hexadecimal otherwise, a NULL DACL as
 * {@code NO_ACCESS_CONTROL}. Object ACEs (with GUIDs) and conditional ACEs are not supported.
 *
 * @since 0.1
 */
public final class Sddl {
    private static final Map<String, Sid> ALIASES = new LinkedHashMap<>();
    private static final Map<Sid, String> ALIAS_OF = new LinkedHashMap<>();
    /** Whole-mask names, in the order the formatter tries them. */
    private static final Map<String, Integer> RIGHTS = new LinkedHashMap<>();
    /** The name of each single bit, or null where a bit has none. */
    private static final String[] BIT_NAMES = new String[32];
    private static final Map<String, Integer> ACE_TYPES = new LinkedHashMap<>();
    private static final Map<String, Integer> ACE_FLAGS = new LinkedHashMap<>();

    static {
        alias("AN", Sid.ANONYMOUS);
        alias("AU", Sid.AUTHENTICATED_USERS);
        alias("BA", Sid.ADMINISTRATORS);
        alias("BG", Sid.GUESTS);
        alias("BU", Sid.USERS);
        alias("AO", Sid.of(5, 32, 548));
        alias("SO", Sid.of(5, 32, 549));
        alias("PO", Sid.of(5, 32, 550));
        alias("BO", Sid.of(5, 32, 551));
        alias("RE", Sid.of(5, 32, 552));
        alias("RU", Sid.of(5, 32, 554));
        alias("RD", Sid.of(5, 32, 555));
        alias("NO", Sid.of(5, 32, 556));
        alias("PU", Sid.of(5, 32, 547));
        alias("MU", Sid.of(5, 32, 558));
        alias("LU", Sid.of(5, 32, 559));
        alias("IS", Sid.of(5, 32, 568));
        alias("CY", Sid.of(5, 32, 569));
        alias("ER", Sid.of(5, 32, 573));
        alias("CG", Sid.CREATOR_GROUP);
        alias("CO", Sid.CREATOR_OWNER);
        alias("OW", Sid.OWNER_RIGHTS);
        alias("IU", Sid.INTERACTIVE);
        alias("NU", Sid.NETWORK);
        alias("SU", Sid.SERVICE);
        alias("RC", Sid.RESTRICTED);
        alias("WR", Sid.of(5, 33));
        alias("ED", Sid.of(5, 9));
        alias("PS", Sid.of(5, 10));
        alias("SY", Sid.LOCAL_SYSTEM);
        alias("LS", Sid.LOCAL_SERVICE);
        alias("NS", Sid.NETWORK_SERVICE);
        alias("WD", Sid.WORLD);
        alias("AC", Sid.of(15, 2, 1));
        alias("LW", Sid.of(16, 0x1000));
        alias("ME", Sid.of(16, 0x2000));
        alias("MP", Sid.of(16, 0x2100));
        alias("HI", Sid.of(16, 0x3000));
        alias("SI", Sid.of(16, 0x4000));

        String[][] rights = {
            {"GA", "10000000"}, {"GR", "80000000"}, {"GW", "40000000"}, {"GX", "20000000"},
            {"RC", "20000"}, {"SD", "10000"}, {"WD", "40000"}, {"WO", "80000"},
            {"RP", "10"}, {"WP", "20"}, {"CC", "1"}, {"DC", "2"}, {"LC", "4"}, {"SW", "8"}, {"LO", "80"},
            {"DT", "40"}, {"CR", "100"},
            {"FA", "1F01FF"}, {"FR", "120089"}, {"FW", "120116"}, {"FX", "1200A0"},
            {"KA", "F003F"}, {"KR", "20019"}, {"KW", "20006"}, {"KX", "20019"},
            {"NW", "1"}, {"NR", "2"}, {"NX", "4"},
        };
        for (String[] right : rights) {
            RIGHTS.putIfAbsent(right[0], Integer.parseUnsignedInt(right[1], 16));
        }
        String[] bits = {"CC", "DC", "LC", "SW", "RP", "WP", "DT", "LO", "CR"};
        System.arraycopy(bits, 0, BIT_NAMES, 0, bits.length);
        BIT_NAMES[16] = "SD";
        BIT_NAMES[17] = "RC";
        BIT_NAMES[18] = "WD";
        BIT_NAMES[19] = "WO";
        BIT_NAMES[28] = "GA";
        BIT_NAMES[29] = "GX";
        BIT_NAMES[30] = "GW";
        BIT_NAMES[31] = "GR";

        ACE_TYPES.put("A", Ace.ACCESS_ALLOWED);
        ACE_TYPES.put("D", Ace.ACCESS_DENIED);
        ACE_TYPES.put("AU", Ace.SYSTEM_AUDIT);
        ACE_TYPES.put("AL", Ace.SYSTEM_ALARM);
        ACE_TYPES.put("ML", Ace.SYSTEM_MANDATORY_LABEL);
        ACE_FLAGS.put("OI", Ace.OBJECT_INHERIT);
        ACE_FLAGS.put("CI", Ace.CONTAINER_INHERIT);
        ACE_FLAGS.put("NP", Ace.NO_PROPAGATE_INHERIT);
        ACE_FLAGS.put("IO", Ace.INHERIT_ONLY);
        ACE_FLAGS.put("ID", Ace.INHERITED);
        ACE_FLAGS.put("SA", Ace.SUCCESSFUL_ACCESS);
        ACE_FLAGS.put("FA", Ace.FAILED_ACCESS);
    }

    private Sddl() {
    }

    private static void alias(String alias, Sid sid) {
        ALIASES.put(alias, sid);
        ALIAS_OF.putIfAbsent(sid, alias);
    }

    /** Parses SDDL; {@code null} when the text is malformed (Windows fails with ERROR_INVALID_PARAMETER). */
    public static SecurityDescriptor parse(String sddl) {
        requireNonNull(sddl, "sddl is null");
        return new Parser(sddl).descriptor();
    }

    /** A SID alias such as {@code WD}, or an {@code S-1-...} string; {@code null} when neither. */
    public static Sid parseSid(String text) {
        Sid sid = ALIASES.get(text);
        return sid != null ? sid : text.startsWith("S-") ? Sid.parse(text) : null;
    }

    /** The SID's alias, or its {@code S-1-...} form. */
    public static String formatSid(Sid sid) {
        String alias = ALIAS_OF.get(sid);
        return alias != null ? alias : sid.toString();
    }

    /** The descriptor in Windows' spelling: only the parts it has. */
    public static String format(SecurityDescriptor sd) {
        StringBuilder out = new StringBuilder();
        if (sd.owner() != null) {
            out.append("O:").append(formatSid(sd.owner()));
        }
        if (sd.group() != null) {
            out.append("G:").append(formatSid(sd.group()));
        }
        if (sd.daclPresent()) {
            out.append("D:");
            appendAcl(out, sd.dacl(), sd.has(SecurityDescriptor.SE_DACL_PROTECTED),
                    sd.has(SecurityDescriptor.SE_DACL_AUTO_INHERIT_REQ), sd.has(SecurityDescriptor.SE_DACL_AUTO_INHERITED));
        }
        if (sd.has(SecurityDescriptor.SE_SACL_PRESENT)) {
            out.append("S:");
            appendAcl(out, sd.sacl(), sd.has(SecurityDescriptor.SE_SACL_PROTECTED),
                    sd.has(SecurityDescriptor.SE_SACL_AUTO_INHERIT_REQ), sd.has(SecurityDescriptor.SE_SACL_AUTO_INHERITED));
        }
        return out.toString();
    }

    private static void appendAcl(StringBuilder out, Acl acl, boolean protectedAcl, boolean autoInheritReq,
            boolean autoInherited) {
        if (protectedAcl) {
            out.append('P');
        }
        if (autoInheritReq) {
            out.append("AR");
        }
        if (autoInherited) {
            out.append("AI");
        }
        if (acl == null) {
            out.append("NO_ACCESS_CONTROL");
            return;
        }
        for (Ace ace : acl.aces()) {
            out.append('(').append(name(ACE_TYPES, ace.type(), "0x" + Integer.toHexString(ace.type()))).append(';');
            ACE_FLAGS.forEach((name, bit) -> {
                if (ace.has(bit)) {
                    out.append(name);
                }
            });
            out.append(';');
            appendRights(out, ace.mask());
            out.append(";;;").append(formatSid(ace.sid())).append(')');
        }
    }

    private static void appendRights(StringBuilder out, int mask) {
        if (mask == 0) {
            return;
        }
        for (var right : RIGHTS.entrySet()) {
            if (right.getValue() == mask) {
                out.append(right.getKey());
                return;
            }
        }
        for (int bit = 0; bit < 32; bit++) {
            if ((mask & (1 << bit)) != 0 && BIT_NAMES[bit] == null) {
                out.append("0x").append(Integer.toHexString(mask));
                return;
            }
        }
        for (int bit = 0; bit < 32; bit++) {
            if ((mask & (1 << bit)) != 0) {
                out.append(BIT_NAMES[bit]);
            }
        }
    }

    private static String name(Map<String, Integer> names, int value, String otherwise) {
        for (var entry : names.entrySet()) {
            if (entry.getValue() == value) {
                return entry.getKey();
            }
        }
        return otherwise;
    }

    /** A recursive-descent parser over one string; every method returns null or -1 on malformed input. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        SecurityDescriptor descriptor() {
            Sid owner = null;
            Sid group = null;
            int control = 0;
            Acl dacl = null;
            Acl sacl = null;
            boolean seenDacl = false;
            boolean seenSacl = false;
            while (at < text.length()) {
                if (at + 2 > text.length() || text.charAt(at + 1) != ':') {
                    return null;
                }
                char part = text.charAt(at);
                at += 2;
                switch (part) {
                    case 'O' -> {
                        if (owner != null || (owner = sid(componentEnd())) == null) {
                            return null;
                        }
                    }
                    case 'G' -> {
                        if (group != null || (group = sid(componentEnd())) == null) {
                            return null;
                        }
                    }
                    case 'D', 'S' -> {
                        boolean isDacl = part == 'D';
                        if (isDacl ? seenDacl : seenSacl) {
                            return null;
                        }
                        int flags = aclFlags(isDacl);
                        if (flags < 0) {
                            return null;
                        }
                        Acl acl = null;
                        if (!text.startsWith("NO_ACCESS_CONTROL", at)) {
                            acl = aces();
                            if (acl == null) {
                                return null;
                            }
                        } else {
                            at += "NO_ACCESS_CONTROL".length();
                        }
                        control |= flags;
                        if (isDacl) {
                            seenDacl = true;
                            dacl = acl;
                            control |= SecurityDescriptor.SE_DACL_PRESENT;
                        } else {
                            seenSacl = true;
                            sacl = acl;
                            control |= SecurityDescriptor.SE_SACL_PRESENT;
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return new SecurityDescriptor(control, owner, group, dacl, sacl);
        }

        /** The end of an O: or G: value: the next {@code X:} component, or the end. */
        private int componentEnd() {
            int end = at;
            while (end < text.length() && !(end + 1 < text.length() && text.charAt(end + 1) == ':'
                    && "OGDS".indexOf(text.charAt(end)) >= 0)) {
                end++;
            }
            return end;
        }

        private Sid sid(int end) {
            Sid sid = parseSid(text.substring(at, end));
            at = end;
            return sid;
        }

        private int aclFlags(boolean dacl) {
            int flags = 0;
            while (at < text.length() && text.charAt(at) != '(' && !text.startsWith("NO_ACCESS_CONTROL", at)
                    && !(at + 1 < text.length() && text.charAt(at + 1) == ':')) {
                if (text.startsWith("P", at) && !text.startsWith("PS", at)) {
                    flags |= dacl ? SecurityDescriptor.SE_DACL_PROTECTED : SecurityDescriptor.SE_SACL_PROTECTED;
                    at += 1;
                } else if (text.startsWith("AI", at)) {
                    flags |= dacl ? SecurityDescriptor.SE_DACL_AUTO_INHERITED : SecurityDescriptor.SE_SACL_AUTO_INHERITED;
                    at += 2;
                } else if (text.startsWith("AR", at)) {
                    flags |= dacl ? SecurityDescriptor.SE_DACL_AUTO_INHERIT_REQ : SecurityDescriptor.SE_SACL_AUTO_INHERIT_REQ;
                    at += 2;
                } else {
                    return -1;
                }
            }
            return flags;
        }

        private Acl aces() {
            List<Ace> aces = new ArrayList<>();
            while (at < text.length() && text.charAt(at) == '(') {
                int close = text.indexOf(')', at);
                if (close < 0) {
                    return null;
                }
                Ace ace = ace(text.substring(at + 1, close));
                if (ace == null) {
                    return null;
                }
                aces.add(ace);
                at = close + 1;
            }
            return new Acl(aces);
        }

        private static Ace ace(String body) {
            String[] fields = body.split(";", -1);
            if (fields.length != 6 || !fields[3].isEmpty() || !fields[4].isEmpty()) {
                return null;
            }
            Integer type = ACE_TYPES.get(fields[0]);
            int flags = codes(fields[1], ACE_FLAGS);
            long mask = rights(fields[2]);
            Sid sid = parseSid(fields[5]);
            if (type == null || flags < 0 || mask < 0 || sid == null) {
                return null;
            }
            return new Ace(type, flags, (int) mask, sid);
        }

        /** Two-letter codes run together, OR-ed; -1 for an unknown one. */
        private static int codes(String field, Map<String, Integer> names) {
            if (field.length() % 2 != 0) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < field.length(); i += 2) {
                Integer bits = names.get(field.substring(i, i + 2));
                if (bits == null) {
                    return -1;
                }
                value |= bits;
            }
            return value;
        }

        /** A number (0x hex, 0 octal or decimal, as wcstoul with base 0) or rights codes; -1 if neither. */
        private static long rights(String field) {
            if (!field.isEmpty() && Character.isDigit(field.charAt(0))) {
                try {
                    long value = field.startsWith("0x") || field.startsWith("0X")
                            ? Long.parseLong(field.substring(2), 16)
                            : field.length() > 1 && field.charAt(0) == '0' ? Long.parseLong(field.substring(1), 8)
                            : Long.parseLong(field);
                    return value > 0xFFFF_FFFFL ? -1 : value;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
            return Integer.toUnsignedLong(codes(field, RIGHTS)) == 0xFFFF_FFFFL ? -1
                    : Integer.toUnsignedLong(codes(field, RIGHTS));
        }
    }
}
