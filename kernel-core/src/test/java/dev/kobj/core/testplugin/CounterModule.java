package dev.kobj.core.testplugin;

import com.google.inject.Binder;
import com.google.inject.Inject;
import dev.kobj.api.KernelBinder;
import dev.kobj.api.KernelModule;
import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.object.HandleEntry;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectManager;
import dev.kobj.api.object.ObjectProcedures;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.KProcess;
import dev.kobj.api.process.KThread;
import dev.kobj.api.status.NtStatus;

/**
 * A test-only plugin proving the SPI: a "Counter" type with procedures and a service, found by
 * ServiceLoader from this module's test resources, going through the same core paths as built-in types.
 */
public final class CounterModule implements KernelModule {
    /** The plugin's own status (an error with the customer bit set): the counter would pass Long.MAX_VALUE. */
    public static final int STATUS_COUNTER_OVERFLOW = 0xE001_0001;
    /** ERROR_ARITHMETIC_OVERFLOW. */
    public static final int ERROR_ARITHMETIC_OVERFLOW = 534;

    public static final ObjectType COUNTER = ObjectType.builder("Counter")
            .genericMapping(new GenericMapping(0x20001, 0x20002, 0x20000, CounterService.COUNTER_ALL_ACCESS))
            .validAccessMask(CounterService.COUNTER_ALL_ACCESS)
            .procedures(new ObjectProcedures() {
                @Override
                public int open(KernelObject object, KProcess process, int grantedAccess, OpenReason reason) {
                    ((Counter) object).opens++;
                    return NtStatus.STATUS_SUCCESS;
                }

                @Override
                public void close(KernelObject object, KProcess process, int handlesLeft) {
                    ((Counter) object).lastHandlesLeft = handlesLeft;
                }

                @Override
                public void delete(KernelObject object) {
                    ((Counter) object).deletes++;
                }
            })
            .build();

    @Override
    public String id() {
        return "counter";
    }

    @Override
    public void configure(Binder binder) {
        KernelBinder kernel = KernelBinder.of(binder).objectType(COUNTER)
                .status(STATUS_COUNTER_OVERFLOW, "STATUS_COUNTER_OVERFLOW", ERROR_ARITHMETIC_OVERFLOW)
                .service(CounterService.class, CounterServiceImpl.class);
        TestDriverModule.configure(kernel);
    }

    static final class CounterServiceImpl implements CounterService {
        private final ObjectManager objects;

        @Inject
        CounterServiceImpl(ObjectManager objects) {
            this.objects = java.util.Objects.requireNonNull(objects, "objects is null");
        }

        @Override
        public int create(KThread caller, ObjectAttributes attributes, int desiredAccess, long initial, long[] handle) {
            return objects.create(caller, attributes, COUNTER, desiredAccess, () -> new Counter(COUNTER, initial), handle);
        }

        @Override
        public int open(KThread caller, ObjectAttributes attributes, int desiredAccess, long[] handle) {
            return objects.open(caller, attributes, COUNTER, desiredAccess, handle);
        }

        @Override
        public int increment(KThread caller, long handle, long[] newValue) {
            HandleEntry entry = objects.lookup(caller, handle);
            if (entry == null) {
                return NtStatus.STATUS_INVALID_HANDLE;
            }
            int status = entry.check(COUNTER, COUNTER_MODIFY);
            if (status == NtStatus.STATUS_SUCCESS) {
                var value = ((Counter) entry.object()).value;
                long now = value.getAndUpdate(v -> v == Long.MAX_VALUE ? v : v + 1);
                if (now == Long.MAX_VALUE) {
                    return STATUS_COUNTER_OVERFLOW;
                }
                newValue[0] = now + 1;
            }
            return status;
        }

        @Override
        public int query(KThread caller, long handle, long[] value) {
            HandleEntry entry = objects.lookup(caller, handle);
            if (entry == null) {
                return NtStatus.STATUS_INVALID_HANDLE;
            }
            int status = entry.check(COUNTER, COUNTER_QUERY);
            if (status == NtStatus.STATUS_SUCCESS) {
                value[0] = ((Counter) entry.object()).value.get();
            }
            return status;
        }
    }
}
