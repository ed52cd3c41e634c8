package dev.dsrflow.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.conformance.ConformanceRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every link a kit failure prints leads to a section of the SDK documentation. */
class ProductSdkDocumentationTest {

    @Test
    void everyRuleHasItsSectionWhereItsFailuresPoint() throws IOException {
        String docs = Files.readString(Path.of("..").resolve(ConformanceRule.DOCUMENTATION));

        for (ConformanceRule rule : ConformanceRule.values()) {
            String anchor = rule.documentation().substring(rule.documentation().indexOf('#') + 1);
            assertThat(docs)
                    .as("the section of %s", rule)
                    .contains("<a id=\"" + anchor + "\"></a>\n### " + rule.name() + ": " + rule.title() + "\n")
                    .contains(rule.expects());
        }
    }
}
