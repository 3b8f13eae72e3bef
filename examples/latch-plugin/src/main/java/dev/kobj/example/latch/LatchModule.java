package dev.kobj.example.latch;

import com.google.inject.Binder;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;

/** The latch plugin: the CountdownLatch type and its service. Found by ServiceLoader (see META-INF/services). */
public final class LatchModule implements KernelModule {
    @Override
    public String id() {
        return "latch";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder.of(binder)
                .objectType(LatchTypes.LATCH)
                .service(LatchService.class, LatchServiceImpl.class);
    }
}
