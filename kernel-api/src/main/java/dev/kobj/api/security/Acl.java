package dev.kobj.api.security;

import java.util.List;

/**
 * An access-control list: ACEs in the order the access check walks them. Immutable.
 *
 * @since 0.1
 */
public record Acl(List<Ace> aces) {
    public static final Acl EMPTY = new Acl(List.of());

    public Acl {
        aces = List.copyOf(aces);
    }

    public static Acl of(Ace... aces) {
        return new Acl(List.of(aces));
    }

    public int size() {
        return aces.size();
    }

    /** Whether any ACE would pass to a child object; directories with none cost their children nothing. */
    public boolean hasInheritable() {
        for (int i = 0; i < aces.size(); i++) { // indexed: checked on every create in a directory
            if (aces.get(i).has(Ace.OBJECT_INHERIT | Ace.CONTAINER_INHERIT)) {
                return true;
            }
        }
        return false;
    }
}
