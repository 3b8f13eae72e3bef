package dev.kobj.core.testplugin;

import com.google.inject.Inject;
import dev.kobj.api.KernelBinder;

/**
 * The test plugin's I/O part, contributed by {@link CounterModule} (one test module id keeps the boot
 * tests' module lists as they are): {@link TestDriver}, and a service through which tests reach it.
 */
public final class TestDriverModule {
    private TestDriverModule() {
    }

    static void configure(KernelBinder binder) {
        binder.driver("KobjTest", TestDriver.class).service(TestDriverControl.class, Control.class);
    }

    /** How a test finds the kernel's instance of the driver. */
    public interface TestDriverControl {
        TestDriver driver();
    }

    static final class Control implements TestDriverControl {
        private final TestDriver driver;

        @Inject
        Control(TestDriver driver) {
            this.driver = java.util.Objects.requireNonNull(driver, "driver is null");
        }

        @Override
        public TestDriver driver() {
            return driver;
        }
    }
}
