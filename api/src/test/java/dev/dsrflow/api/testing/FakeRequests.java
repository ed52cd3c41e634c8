package dev.dsrflow.api.testing;

import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.workflow.RequestWorkflow;
import dev.dsrflow.workflow.WorkflowTypes;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Test-only request workflows registered under the real workflow type names, so the API can be
 * tested before (and independently of) the real workflows.
 */
public final class FakeRequests {
    private FakeRequests() {}

    /** All implementation classes, for worker registration. */
    public static Class<?>[] implementations() {
        return new Class<?>[] {AccessImpl.class, DownloadImpl.class, DeletionImpl.class, PreservationImpl.class};
    }

    @WorkflowInterface
    public interface Access extends RequestWorkflow {
        @WorkflowMethod(name = WorkflowTypes.ACCESS)
        void run(RequestSpec spec);
    }

    @WorkflowInterface
    public interface Download extends RequestWorkflow {
        @WorkflowMethod(name = WorkflowTypes.DOWNLOAD)
        void run(RequestSpec spec);
    }

    @WorkflowInterface
    public interface Deletion extends RequestWorkflow {
        @WorkflowMethod(name = WorkflowTypes.DELETION)
        void run(RequestSpec spec);
    }

    @WorkflowInterface
    public interface Preservation extends RequestWorkflow {
        @WorkflowMethod(name = WorkflowTypes.PRESERVATION)
        void run(RequestSpec spec);
    }

    public static class AccessImpl extends FakeRequestWorkflow implements Access {
        @Override
        public void run(RequestSpec spec) {
            execute(spec);
        }
    }

    public static class DownloadImpl extends FakeRequestWorkflow implements Download {
        @Override
        public void run(RequestSpec spec) {
            execute(spec);
        }
    }

    public static class DeletionImpl extends FakeRequestWorkflow implements Deletion {
        @Override
        public void run(RequestSpec spec) {
            execute(spec);
        }
    }

    public static class PreservationImpl extends FakeRequestWorkflow implements Preservation {
        @Override
        public void run(RequestSpec spec) {
            execute(spec);
        }
    }
}
