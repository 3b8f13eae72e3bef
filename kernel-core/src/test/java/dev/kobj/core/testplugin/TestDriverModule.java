package dev.kobj.core.testplugin;

import com.google.inject.Binder;
import com.google.inject.Inject;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;

/** A test-only plugin registering {@link TestDriver}, and a service through which tests reach it. */
public final class TestDriverModule implements KernelModule {
    @Override
    public String id() {
        return "testio";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder.of(binder).driver("KobjTest", TestDriver.class)
                .service(TestDriverControl.class, Control.class);
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
