package dev.dsrflow.api.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV export reads back as the rows it was given, and no cell is a spreadsheet formula. */
class CsvExportTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static RequestView row(String requestedBy, String approvedBy) {
        return new RequestView(
                "r-1",
                RequestType.DOWNLOAD,
                RequestStatus.COMPLETED,
                Jurisdiction.GDPR,
                "sk-1",
                T,
                null,
                false,
                false,
                requestedBy,
                approvedBy,
                null,
                null,
                T,
                null,
                new RequestView.Download("/v1/packages/tok", T, "ab12", 42, false),
                null,
                List.of("sk-1"),
                false,
                null);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    @Test
    void everyFormulaStartIsNeutralisedIncludingTabAndCarriageReturn() throws IOException {
        List<String> formulas = List.of("=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1");
        for (String formula : formulas) {
            CSVRecord r = parse(CsvExport.of(List.of(row(formula, "ops2")))).get(0);
            assertThat(r.get("requestedBy")).as(formula).isEqualTo("'" + formula);
            assertThat(r.get("approvedBy")).isEqualTo("ops2");
        }
    }

    @Test
    void quotesCommasAndLineBreaksSurviveARoundTrip() throws IOException {
        String awkward = "a \"quoted\", two-line\nname";
        String csv = CsvExport.of(List.of(row(awkward, null)));
        assertThat(csv)
                .startsWith("id,type,status,jurisdiction,subjectKey,receivedAt,dueAt,overdue,extended,")
                .contains("\r\n");
        CSVRecord r = parse(csv).get(0);
        assertThat(r.get("requestedBy")).isEqualTo(awkward);
        assertThat(r.get("approvedBy")).isEmpty();
        assertThat(r.get("dueAt")).isEmpty();
        assertThat(r.get("downloadUrl")).isEqualTo("/v1/packages/tok");
        assertThat(r.get("downloadExpiresAt")).isEqualTo(T.toString());
        assertThat(r.get("downloadSha256")).isEqualTo("ab12");
        assertThat(r.get("downloadBytes")).isEqualTo("42");
    }
}
