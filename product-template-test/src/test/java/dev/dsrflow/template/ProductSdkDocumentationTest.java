package dev.dsrflow.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.conformance.ConformanceRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every link a kit failure prints leads to a section of the SDK documentation, and the pom the README
 * gives a product team is the one the template (which ProductTemplateBuildTest builds) uses.
 */
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

    @Test
    void theReadmesProductTeamPomIsWhatTheTemplateBuildsWith() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("```xml", readme.indexOf("**Your `pom.xml`**"));
        String snippet =
                readme.substring(start, readme.indexOf("```\n", start + 1)).replaceAll(">\\s+<", "><");
        String template = (Files.readString(Path.of("../product-template/pom.xml"))
                        + Files.readString(Path.of("../product-template/handler/pom.xml")))
                .replaceAll(">\\s+<", "><");

        Matcher artifact = Pattern.compile("<groupId>([^<]+)</groupId><artifactId>([^<]+)</artifactId>"
                        + "(?:<version>([^<]+)</version>)?")
                .matcher(snippet);
        int artifacts = 0;
        while (artifact.find()) {
            artifacts++;
            String declared =
                    "<groupId>" + artifact.group(1) + "</groupId><artifactId>" + artifact.group(2) + "</artifactId>";
            boolean ownVersion = artifact.group(3) != null && !artifact.group(1).equals("dev.dsrflow");
            assertThat(template)
                    .as("the template declares %s as the README does", artifact.group(2))
                    .contains(ownVersion ? declared + "<version>" + artifact.group(3) + "</version>" : declared);
        }
        assertThat(artifacts).as("artifacts in the README's pom").isEqualTo(6);
    }
}
