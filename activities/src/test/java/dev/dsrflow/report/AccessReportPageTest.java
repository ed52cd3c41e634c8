package dev.dsrflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The access report page shows every text as text: markup in it never becomes markup. */
class AccessReportPageTest {
    @Test
    void everyTextIsEncoded() {
        String markup = "<img src=x onerror='alert(1)'> & \"more\"";
        String page = AccessReportPage.render(new AccessReport(
                "r-1",
                "sk-1",
                "GDPR",
                1,
                List.of(new AccessReport.ProductSection(
                        "p",
                        markup,
                        markup,
                        1,
                        List.of(new AccessReport.CategorySection(
                                "C", markup, markup, 1, null, null, List.of(markup), List.of(markup))))),
                markup));
        assertThat(page).doesNotContain("<img").contains("&lt;img src=x onerror=");
        assertThat(page).doesNotContain("onerror='").doesNotContain("\"more\"");
    }
}
