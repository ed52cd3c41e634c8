package dev.dsrflow.bench;

import dev.dsrflow.workflow.WorkflowIds;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every workflow one request ran, with the length of its history: the request's workflow, the
 * child workflows it started (product batches), theirs in turn, and for a deletion the subject's
 * hold registry. Found by reading the histories, so a new kind of child is counted without
 * naming it here.
 */
final class WorkflowHistories {
    private WorkflowHistories() {}

    /** Events per workflow id, the request's own first. */
    static Map<String, Integer> of(WorkflowClient client, String requestId, String subjectKey) {
        Map<String, Integer> events = new LinkedHashMap<>();
        Deque<String> next = new ArrayDeque<>(List.of(WorkflowIds.request(requestId)));
        if (subjectKey != null) {
            next.add(WorkflowIds.holds(subjectKey));
        }
        while (!next.isEmpty()) {
            String id = next.poll();
            if (events.containsKey(id)) {
                continue;
            }
            List<HistoryEvent> history;
            try {
                history = client.fetchHistory(id).getEvents();
            } catch (RuntimeException absent) {
                continue; // a deletion that never claimed a hold has no registry
            }
            events.put(id, history.size());
            for (HistoryEvent e : history) {
                if (e.hasStartChildWorkflowExecutionInitiatedEventAttributes()) {
                    next.add(e.getStartChildWorkflowExecutionInitiatedEventAttributes()
                            .getWorkflowId());
                }
            }
        }
        return events;
    }

    /** The longest history of {@code events}, 0 when there is none. */
    static int longest(Map<String, Integer> events) {
        return events.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The events of all of them together. */
    static int total(Map<String, Integer> events) {
        return events.values().stream().mapToInt(Integer::intValue).sum();
    }
}
