package dev.dsrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.workflow.lifecycle.ProductBatches;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The small version of {@code bench --scale} on the real Temporal server, as a correctness test:
 * a request over more products than a batch holds completes and every workflow it ran stays
 * within its history budget; deletions filed concurrently all wait in their grace period and a
 * request filed on top of them still completes. Event counts are asserted, never times.
 */
class ScaleBenchTest {
    private static final int PRODUCTS = 120; // three batches: 50, 50, 20

    @Test
    void aRequestOverMoreProductsThanABatchRunsInBatchesAndNoHistoryGrowsWithTheProducts() throws Exception {
        ScaleBench bench = new ScaleBench();
        bench.products = PRODUCTS;
        bench.referenceProducts = 8;
        bench.idleWindowMillis = 1_000;

        bench.manyProducts();

        int batches = (PRODUCTS + ProductBatches.DEFAULT_SIZE - 1) / ProductBatches.DEFAULT_SIZE;
        for (String type : List.of("ACCESS", "DELETION")) {
            ScaleBench.ManyProducts run = bench.many.stream()
                    .filter(m -> m.type().equals(type) && m.products() == PRODUCTS)
                    .findFirst()
                    .orElseThrow();
            assertThat(run.status()).as(type).isEqualTo("COMPLETED");
            // the request, one child per batch, and a deletion's hold registry
            assertThat(run.events()).as(type).hasSize(1 + batches + ("DELETION".equals(type) ? 1 : 0));
            Map.Entry<String, Integer> request =
                    run.events().entrySet().iterator().next();
            // the request's own history grows by a handful of events per batch, not per product
            assertThat(request.getValue()).as(type + " request history").isLessThan(100);
            // a batch records at most about seven events per product (erase and verify)
            assertThat(run.longestHistory())
                    .as(type + " longest history")
                    .isLessThanOrEqualTo(8 * ProductBatches.DEFAULT_SIZE)
                    .isLessThanOrEqualTo(ScaleBench.MAX_HISTORY_EVENTS);
        }
        assertThat(bench.targets).hasSize(6); // completes, longest history and CPU per product, for each type
    }

    @Test
    void deletionsFiledConcurrentlyAllWaitInTheirGracePeriodAndARequestOnTopStillCompletes() throws Exception {
        ScaleBench bench = new ScaleBench();
        bench.parked = 40;
        bench.filingClients = 8;
        bench.onTop = 2;

        bench.parked();

        ScaleBench.Parked parked = bench.parkedResult;
        assertThat(parked.filed()).isEqualTo(40);
        assertThat(parked.waiting()).isEqualTo(40);
        // a parked deletion's history is a few events: filed, recorded, its grace timer started
        assertThat(parked.parkedHistory()).isBetween(1, 20);
        assertThat(parked.onTopCompleted()).isEqualTo(2);
    }
}
