package dev.dsrflow.temporal;

import java.util.Map;

/**
 * The custom search attributes request workflows publish, for a real cluster's visibility
 * (Temporal UI, {@code temporal workflow list --query "DsrStatus='FAILED'"}). They carry the
 * subject key, never an identifier: search attributes are not encrypted. The API's lists read
 * the ledger, not these. Registered by {@code deploy/temporal/register-search-attributes.sh}
 * on a cluster and by the embedded runtime on its own server.
 */
public final class SearchAttributeNames {
    public static final String REQUEST_TYPE = "DsrRequestType";
    public static final String STATUS = "DsrStatus";
    public static final String SUBJECT_KEY = "DsrSubjectKey";
    public static final String DUE_AT = "DsrDueAt";

    /** Each name with its Temporal type (as the CLI spells it). */
    public static final Map<String, String> TYPES =
            Map.of(REQUEST_TYPE, "Keyword", STATUS, "Keyword", SUBJECT_KEY, "Keyword", DUE_AT, "Datetime");

    private SearchAttributeNames() {}
}
