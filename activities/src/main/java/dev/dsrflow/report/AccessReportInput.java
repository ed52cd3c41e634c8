package dev.dsrflow.report;

import dev.dsrflow.product.Inventory;
import java.util.List;

/**
 * What the access report is built from.
 *
 * @param requestId the access request
 * @param subjectKey pseudonymous key of the subject
 * @param jurisdiction the regime of the request
 * @param products each product's inventory (null inventory: the product has no result)
 */
public record AccessReportInput(
        String requestId, String subjectKey, String jurisdiction, List<ProductInventory> products) {

    /** One product's inventory and final task status. */
    public record ProductInventory(String product, String displayName, String status, Inventory inventory) {}
}
