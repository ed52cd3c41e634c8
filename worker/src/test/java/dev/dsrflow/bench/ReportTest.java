package dev.dsrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic and formatting (the benchmark itself is a command, never a test). */
class ReportTest {

    @Test
    void percentilesAreWithinATenthOfAPercentAndInMilliseconds() {
        Samples s = new Samples();
        assertThat(s.percentileMillis(50)).isNaN();
        for (int i = 1000; i >= 1; i--) {
            s.add(i * 1_000_000L); // 1..1000 ms, unsorted
        }
        assertThat(s.size()).isEqualTo(1000);
        assertThat(s.percentileMillis(50)).isCloseTo(500.0, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(s.percentileMillis(99)).isCloseTo(990.0, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(s.percentileMillis(100)).isCloseTo(1000.0, org.assertj.core.data.Percentage.withPercentage(0.1));
    }

    @Test
    void mediansAndRatiosIgnoreMissingFigures() {
        assertThat(Samples.median(3, 1, 2)).isEqualTo(2);
        assertThat(Samples.median(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Samples.median(Double.NaN, 5)).isEqualTo(5);
        assertThat(Samples.ratio(7, 10)).isEqualTo(0.7);
        assertThat(Samples.ratio(1, 0)).isNaN();
        assertThat(Samples.ratio(Double.NaN, 2)).isNaN();
    }

    @Test
    void targetsSayPassOrMissAtTheirLimits() {
        assertThat(Report.target("throughput", 0.7, Report.MIN_THROUGHPUT_RATIO, true))
                .startsWith("  PASS");
        assertThat(Report.target("throughput", 0.69, Report.MIN_THROUGHPUT_RATIO, true))
                .startsWith("  MISS");
        assertThat(Report.target("events", 1.3, Report.MAX_EVENTS_RATIO, false)).startsWith("  PASS");
        assertThat(Report.target("events", Double.NaN, Report.MAX_EVENTS_RATIO, false))
                .startsWith("  MISS");
    }

    @Test
    void aLineShowsRatiosAgainstItsBaselineAndTheMedianOfRepeats() {
        RunResult base =
                new RunResult("baseline", 8, 100, 100, 50, 1, 2, Double.NaN, Double.NaN, 300, 900, 35, 80, 100, 500);
        RunResult a = new RunResult("dsrflow ACCESS", 8, 100, 100, 30, 5, 9, 2, 4, 600, 1500, 42, 200, 120, 600);
        RunResult b = new RunResult("dsrflow ACCESS", 8, 100, 98, 40, 7, 11, 3, 5, 500, 1300, 44, 160, 140, 640);
        RunResult median = RunResult.median(List.of(a, b));
        assertThat(median.perSecond()).isEqualTo(35);
        assertThat(median.completed()).isEqualTo(99);
        String line = Report.line(median, base, Report.spread(List.of(a, b)));
        assertThat(line)
                .contains("dsrflow ACCESS")
                .contains("35.0")
                .contains("0.70")
                .contains("1.23")
                .contains("±14%");
        assertThat(Report.line(base, null, "")).contains("1.0/2.0").contains(" - ");
        assertThat(Report.header()).contains("req/s").contains("×thr").contains("×ev");
    }

    @Test
    void pollingBacksOffToFourTimesTheFirstInterval() {
        assertThat(DsrflowBench.nextPoll(250, 250)).isEqualTo(375);
        assertThat(DsrflowBench.nextPoll(900, 250)).isEqualTo(1000);
    }

    @Test
    void aFilingNamesItsTypeTheProductsAndAFreshSyntheticSubject() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(DsrflowBench.body("DELETION", List.of("bench-1", "bench-2")));
        JsonNode second = json.readTree(DsrflowBench.body("DELETION", List.of("bench-1")));
        assertThat(first.path("type").asText()).isEqualTo("DELETION");
        assertThat(first.path("jurisdiction").asText()).isEqualTo("GDPR");
        assertThat(first.path("products").toString()).isEqualTo("[\"bench-1\",\"bench-2\"]");
        assertThat(first.path("subject").path("userId").asText()).startsWith("bench-");
        assertThat(second.path("subject").path("userId").asText())
                .isNotEqualTo(first.path("subject").path("userId").asText());
    }
}
