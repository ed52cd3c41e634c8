package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.temporal.SearchAttributeNames;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Publishes a request's type, status, subject key and due date as Temporal search attributes
 * when its policy asks for it, and only when one of them changed, so visibility costs one
 * history event per status change.
 */
final class RequestVisibility {
    private static final SearchAttributeKey<String> TYPE =
            SearchAttributeKey.forKeyword(SearchAttributeNames.REQUEST_TYPE);
    private static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword(SearchAttributeNames.STATUS);
    private static final SearchAttributeKey<String> SUBJECT =
            SearchAttributeKey.forKeyword(SearchAttributeNames.SUBJECT_KEY);
    private static final SearchAttributeKey<OffsetDateTime> DUE =
            SearchAttributeKey.forOffsetDateTime(SearchAttributeNames.DUE_AT);

    private boolean identityPublished;
    private RequestStatus status;
    private Instant dueAt;

    void publish(RequestState state) {
        if (!state.spec().policy().searchAttributes()) {
            return;
        }
        List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
        if (!identityPublished) {
            updates.add(TYPE.valueSet(state.spec().type().name()));
            updates.add(SUBJECT.valueSet(state.spec().subjectKey()));
            identityPublished = true;
        }
        if (state.status() != status) {
            status = state.status();
            updates.add(STATUS.valueSet(status.name()));
        }
        if (state.dueAt() != null && !Objects.equals(state.dueAt(), dueAt)) {
            dueAt = state.dueAt();
            updates.add(DUE.valueSet(dueAt.atOffset(ZoneOffset.UTC)));
        }
        if (!updates.isEmpty()) {
            Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate[]::new));
        }
    }
}
