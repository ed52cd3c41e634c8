package dev.dsrflow.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The package's index page shows names as text: markup in them never becomes markup. */
class PackageIndexPageTest {
    @Test
    void namesAndPathsAreEncodedAsText() {
        String page = PackageIndexPage.render(new PackageManifest(
                "r-1",
                "sk-1",
                "HTML",
                List.of(new PackageManifest.Folder(
                        "p",
                        "<script>alert('x')</script> & \"co\"",
                        "DONE",
                        1,
                        List.of(new PackageManifest.Entry("p/a\"onmouseover=\"x.html", 10, "ab", 1)))),
                1,
                1));
        assertThat(page)
                .doesNotContain("<script>")
                .doesNotContain("\"onmouseover")
                .contains("&lt;script&gt;")
                .contains("&amp;");
    }
}
