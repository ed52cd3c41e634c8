package dev.dsrflow.console;

import java.util.List;

/** The product registry with each product's worker presence and its tasks that need an operator. */
public record ProductsPage(List<Product> products, int scanned, String error) {

    /**
     * One registered product.
     *
     * @param failed tasks FAILED (retry, complete or skip them) in open requests
     * @param manual tasks MANUAL (waiting for an operator to complete them) in open requests
     */
    public record Product(
            String id,
            String displayName,
            String categories,
            String capabilities,
            boolean automated,
            boolean workerOnline,
            int failed,
            int manual) {}
}
