package dev.kobj.core.object;

import static dev.kobj.api.status.NtStatus.STATUS_ACCESS_DENIED;
import static dev.kobj.api.status.NtStatus.STATUS_HANDLE_NOT_CLOSABLE;
import static dev.kobj.api.status.NtStatus.STATUS_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.kobj.api.object.GenericMapping;
import dev.kobj.api.object.HandleTablePolicy;
import dev.kobj.api.object.KernelObject;
import dev.kobj.api.object.ObjectAttributes;
import dev.kobj.api.object.ObjectProcedures;
import dev.kobj.api.object.ObjectProcedures.OpenReason;
import dev.kobj.api.object.ObjectType;
import dev.kobj.api.process.KThread;
import dev.kobj.core.CoreTypes;
import dev.kobj.core.process.ProcessManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.mockito.MockMakers;

/** The object manager calls a type's procedures at the right moments, with the right arguments. */
class ObjectProceduresTest {
    // The subclass mock maker: the inline one would retransform the SPI interface's default methods for
    // the whole JVM, and every type's procedure calls would then allocate (FootprintTest measures them).
    private final ObjectProcedures procedures = mock(ObjectProcedures.class,
            withSettings().mockMaker(MockMakers.SUBCLASS));
    private final ObjectType type = ObjectType.builder("Mocked")
            .genericMapping(new GenericMapping(1, 2, 4, 7)).validAccessMask(7).procedures(procedures).build();
    private final ObjectManagerImpl objects = new ObjectManagerImpl(types());
    private final ProcessManager processes = new ProcessManager(HandleTablePolicy.DEFAULT, objects,
            new dev.kobj.api.dispatch.DispatcherContext(), java.util.Set.of(), dev.kobj.api.KernelConfig.defaults());
    private final KThread caller = processes.adoptThread(processes.createProcess("p.exe", 1), Thread.currentThread());

    private Map<String, ObjectType> types() {
        Map<String, ObjectType> types = new HashMap<>();
        CoreTypes.ALL.forEach(t -> types.put(t.name(), t));
        types.put(type.name(), type);
        return types;
    }

    private KernelObject body() {
        return new KernelObject(type) {
        };
    }

    @Test
    void openOnEveryHandleThenCloseThenDeleteOnce() {
        when(procedures.open(any(), any(), anyInt(), any())).thenReturn(STATUS_SUCCESS);
        when(procedures.okayToClose(any(), any())).thenReturn(true);
        KernelObject object = body();
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, objects.create(caller, null, type, 3, () -> object, h));
        long[] dup = new long[1];
        assertEquals(STATUS_SUCCESS, objects.duplicate(caller, -1, h[0], -1, dup, 1, 0, 0));
        assertEquals(STATUS_SUCCESS, objects.close(caller, h[0]));
        assertEquals(STATUS_SUCCESS, objects.close(caller, dup[0]));
        InOrder order = inOrder(procedures);
        order.verify(procedures).open(object, caller.process(), 3, OpenReason.CREATE);
        order.verify(procedures).open(object, caller.process(), 1, OpenReason.DUPLICATE);
        order.verify(procedures).okayToClose(object, caller.process());
        order.verify(procedures).close(object, caller.process(), 1);
        order.verify(procedures).okayToClose(object, caller.process());
        order.verify(procedures).close(object, caller.process(), 0);
        order.verify(procedures).delete(object);
        order.verifyNoMoreInteractions();
    }

    @Test
    void okayToCloseFalseKeepsTheHandle() {
        when(procedures.open(any(), any(), anyInt(), any())).thenReturn(STATUS_SUCCESS);
        KernelObject object = body();
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, objects.create(caller, null, type, 3, () -> object, h));
        when(procedures.okayToClose(object, caller.process())).thenReturn(false);
        assertEquals(STATUS_HANDLE_NOT_CLOSABLE, objects.close(caller, h[0]));
        assertEquals(1, object.handleCount());
        verify(procedures, never()).close(any(), any(), anyInt());
        verify(procedures, never()).delete(any());
    }

    @Test
    void refusedOpenMakesNoHandleAndFreesTheNewObject() {
        when(procedures.open(any(), any(), anyInt(), eq(OpenReason.CREATE))).thenReturn(STATUS_ACCESS_DENIED);
        KernelObject object = body();
        long[] h = {99};
        assertEquals(STATUS_ACCESS_DENIED, objects.create(caller,
                ObjectAttributes.named("\\BaseNamedObjects\\refused", 0), type, 3, () -> object, h));
        assertEquals(0, h[0]);
        assertEquals(0, object.pointerCount());
        assertEquals(null, object.name(), "the name a refused create took is given back");
        verify(procedures).delete(object);
        assertEquals(0, objects.typeInfo(type).totalNumberOfObjects());
        assertEquals(0, objects.typeInfo(type).totalNumberOfHandles());
    }

    @Test
    void queryNameProcedureOverridesTheDirectoryPath() {
        when(procedures.open(any(), any(), anyInt(), any())).thenReturn(STATUS_SUCCESS);
        when(procedures.queryName(any())).thenReturn("\\Device\\Mocked\\file");
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, objects.create(caller, null, type, 3, this::body, h));
        dev.kobj.api.object.ObjectInfo.Name[] name = new dev.kobj.api.object.ObjectInfo.Name[1];
        assertEquals(STATUS_SUCCESS, objects.queryName(caller, h[0], name));
        assertEquals("\\Device\\Mocked\\file", name[0].name());
    }

    // Found by the hardening tests (ThrowingPluginTest): a throwing procedure left a reference, a name or,
    // in a process rundown, every later handle behind.

    @Test
    void aThrowingOpenMakesNoHandleAndLeavesNoObject() {
        when(procedures.open(any(), any(), anyInt(), any())).thenThrow(new IllegalStateException("open"));
        long[] h = new long[1];
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> objects.create(caller,
                new ObjectAttributes(0, "\\BaseNamedObjects\\thrown", 0), type, 3, this::body, h));
        assertEquals(0, objects.typeInfo(type).totalNumberOfObjects());
        assertEquals(0, objects.typeInfo(type).totalNumberOfHandles());
        assertEquals(dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_NOT_FOUND, objects.open(caller,
                new ObjectAttributes(0, "\\BaseNamedObjects\\thrown", 0), type, 1, h));
    }

    @Test
    void aThrowingCloseStillDropsTheHandleTheNameAndTheObject() {
        when(procedures.okayToClose(any(), any())).thenReturn(true);
        doThrow(new IllegalStateException("close")).when(procedures).close(any(), any(), anyInt());
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, objects.create(caller, new ObjectAttributes(0, "\\BaseNamedObjects\\c", 0),
                type, 3, this::body, h));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> objects.close(caller, h[0]));
        assertEquals(0, objects.typeInfo(type).totalNumberOfObjects());
        assertEquals(dev.kobj.api.status.NtStatus.STATUS_OBJECT_NAME_NOT_FOUND, objects.open(caller,
                new ObjectAttributes(0, "\\BaseNamedObjects\\c", 0), type, 1, h));
    }

    @Test
    void aThrowingCloseDoesNotStopAProcessRundown() {
        doThrow(new IllegalStateException("close")).when(procedures).close(any(), any(), anyInt());
        for (int i = 0; i < 3; i++) {
            assertEquals(STATUS_SUCCESS, objects.create(caller, null, type, 3, this::body, new long[1]));
        }
        assertEquals(3, objects.closeAll(caller.process()));
        assertEquals(0, objects.typeInfo(type).totalNumberOfObjects());
        assertEquals(0, objects.typeInfo(type).totalNumberOfHandles());
    }

    @Test
    void aThrowingOpenDuringInheritanceLeavesNoReference() {
        when(procedures.open(any(), any(), anyInt(), any())).thenReturn(STATUS_SUCCESS);
        KernelObject object = body();
        long[] h = new long[1];
        assertEquals(STATUS_SUCCESS, objects.create(caller, new ObjectAttributes(0, null,
                ObjectAttributes.OBJ_INHERIT), type, 3, () -> object, h));
        when(procedures.open(any(), any(), anyInt(), org.mockito.ArgumentMatchers.eq(OpenReason.INHERIT)))
                .thenThrow(new IllegalStateException("open"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> processes.createChildProcess(caller.process(), "child.exe", true, 0));
        assertEquals(1, object.handleCount());
        assertEquals(1, object.pointerCount(), "only the parent's handle: the refused inheritance kept nothing");
    }
}
