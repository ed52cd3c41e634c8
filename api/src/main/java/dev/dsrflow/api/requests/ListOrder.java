package dev.dsrflow.api.requests;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders a request list can be sorted in ({@code sort} of {@code GET /v1/requests}), each
 * answered by a ledger index walked in that order: the list order by {@code received_at} (forward
 * or backward), the due date by {@code requests_due_id}, a status by {@code requests_status_received}
 * and a type by {@code requests_type_received}. Every order ends on the id, so a page never
 * reshuffles between two reads of an unchanged ledger; a status or a type lists its newest first.
 * A request not yet given a due date counts as due last.
 */
public enum ListOrder {
    /** Newest received first: the default. */
    RECEIVED_DESC("-receivedAt", "received_at desc, %1$sid"),
    RECEIVED_ASC("receivedAt", "received_at, %1$sid desc"),
    DUE_ASC("dueAt", "due_at nulls last, %1$sid"),
    DUE_DESC("-dueAt", "due_at desc nulls first, %1$sid desc"),
    STATUS("status", "status, %1$sreceived_at desc, %1$sid"),
    TYPE("type", "type, %1$sreceived_at desc, %1$sid");

    private final String parameter;
    private final String order;

    ListOrder(String parameter, String order) {
        this.parameter = parameter;
        this.order = order;
    }

    /** The {@code sort} value that asks for this order. */
    public String parameter() {
        return parameter;
    }

    /** The order named by a {@code sort} value, if it names one. */
    public static Optional<ListOrder> of(String parameter) {
        return Arrays.stream(values())
                .filter(o -> o.parameter.equals(parameter))
                .findFirst();
    }

    /** Every accepted {@code sort} value, for the error that refuses another. */
    public static String accepted() {
        return String.join(
                ", ", Arrays.stream(values()).map(ListOrder::parameter).toList());
    }

    /** The SQL {@code order by} list over the columns of the table or subquery named {@code alias}. */
    String sql(String alias) {
        String prefix = alias + ".";
        return prefix + order.formatted(prefix);
    }
}
