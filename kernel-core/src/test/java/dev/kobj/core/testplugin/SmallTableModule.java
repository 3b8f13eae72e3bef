package dev.kobj.core.testplugin;

import com.google.inject.Binder;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;
import dev.kobj.api.object.HandleTablePolicy;

/** A test module that limits every handle table to {@link #MAX_HANDLES} handles. */
public final class SmallTableModule implements KernelModule {
    public static final int MAX_HANDLES = 2;

    @Override
    public String id() {
        return "small-table";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder.of(binder).handleTablePolicy(
                new HandleTablePolicy(MAX_HANDLES, HandleTablePolicy.Reuse.MOST_RECENTLY_FREED));
    }
}
