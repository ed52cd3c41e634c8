package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The process's log format, as {@code logback.xml} configures it from {@code DSRFLOW_LOG_FORMAT}. */
class LogFormatTest {

    private static String logUnderASpan(String format, Span span) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        if (format != null) {
            context.putProperty("DSRFLOW_LOG_FORMAT", format);
        }
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            try (Scope ignored = span.makeCurrent()) {
                context.getLogger("dev.dsrflow.example").info("request {} approved", "r-1");
            }
        } finally {
            context.stop();
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void jsonLinesCarryTheTraceAndSpanIdsOfTheCurrentSpan() throws Exception {
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().build()) {
            Span span = tracing.get("test").spanBuilder("work").startSpan();
            String line = logUnderASpan("json", span);
            span.end();
            JsonNode json = new ObjectMapper().readTree(line);
            assertThat(json.get("formattedMessage").asText()).isEqualTo("request r-1 approved");
            assertThat(json.get("level").asText()).isEqualTo("INFO");
            assertThat(json.path("mdc").path("trace_id").asText())
                    .isEqualTo(span.getSpanContext().getTraceId());
            assertThat(json.path("mdc").path("span_id").asText())
                    .isEqualTo(span.getSpanContext().getSpanId());
        }
    }

    @Test
    void theDefaultStaysReadableText() throws Exception {
        String line = logUnderASpan(null, Span.getInvalid());
        assertThat(line).endsWith("INFO  example                      request r-1 approved");
    }
}
