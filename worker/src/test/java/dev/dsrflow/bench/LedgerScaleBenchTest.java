package dev.dsrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The small version of {@code bench --scale-ledger}, as a correctness test: the seed script
 * loads through the ledger's schema and triggers, every timed list answers without an error and
 * with its rows, the export streams every seeded row, and the overview queries run. Times are
 * printed, never asserted.
 */
class LedgerScaleBenchTest {
    @Test
    void aSeededLedgerAnswersEveryTimedListTheExportAndTheOverview() throws Exception {
        LedgerScaleBench bench = new LedgerScaleBench();
        bench.requests = 1_500;
        bench.clients = 2;
        bench.calls = 2;
        bench.explain = true;

        assertThat(bench.call()).isZero();

        // ten lists, the export, four overview numbers (the exact median is a reference); none FAILed
        assertThat(bench.targets()).hasSize(15).noneMatch(line -> line.startsWith("  FAIL"));
        assertThat(bench.targets()).anyMatch(line -> line.contains("CSV export") && line.contains("1500 rows"));
    }
}
