package dev.dsrflow.console;

import java.util.List;

/** What a bulk approval or rejection did to each selected request. */
public record BulkPage(String decision, List<BulkPage.Outcome> outcomes, long succeeded, long refused) {

    /** One request's outcome: done, or refused with the API's reason. */
    public record Outcome(String id, boolean ok, String detail) {
        public String shortId() {
            return id.length() < 8 ? id : id.substring(0, 8);
        }
    }
}
