package dev.kobj.hardening;
import org.junit.jupiter.api.Test;
class DebugTest {
    @Test void replay() {
        try (Driver d = new Driver()) {
            new Steps.Duplicate(0, 0, 0, new Driver.Sel(Driver.Kind.OWN, 48), 2, -18525, true, 3).run(d);
            d.checkCounts("x");
        }
    }
}
