package dev.dsrflow.api.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health, without credentials. {@code /health} and {@code /health/readiness} (for traffic): 200 UP
 * only when Temporal and the ledger database answer, else 503 DOWN. {@code /health/liveness} (for
 * restarts): 200 UP while the process serves requests, whatever Temporal and the database do, so an
 * outage of either does not restart every pod.
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "health")
class HealthController {
    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);
    private static final int TIMEOUT_SECONDS = 3;

    private final WorkflowServiceStubs temporal;
    private final DataSource ledger;

    HealthController(WorkflowServiceStubs temporal, DataSource ledger) {
        this.temporal = temporal;
        this.ledger = ledger;
    }

    @Get
    @SecurityRequirements
    @Operation(summary = "UP when Temporal and the ledger database answer; 503 DOWN otherwise")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HealthView.class)))
    @ApiResponse(responseCode = "503", content = @Content(schema = @Schema(implementation = HealthView.class)))
    HttpResponse<HealthView> health() {
        return readiness();
    }

    @Get("/readiness")
    @SecurityRequirements
    @Operation(summary = "Ready for traffic: UP when Temporal and the ledger database answer; 503 DOWN otherwise")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HealthView.class)))
    @ApiResponse(responseCode = "503", content = @Content(schema = @Schema(implementation = HealthView.class)))
    HttpResponse<HealthView> readiness() {
        Map<String, String> components = new LinkedHashMap<>();
        components.put("temporal", status(temporalAnswers()));
        components.put("ledger", status(ledgerAnswers()));
        boolean up = components.values().stream().allMatch("UP"::equals);
        return HttpResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(new HealthView(up ? "UP" : "DOWN", components));
    }

    @Get("/liveness")
    @SecurityRequirements
    @Operation(summary = "The process runs: UP without looking at Temporal or the database")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HealthView.class)))
    HealthView liveness() {
        return new HealthView("UP", Map.of());
    }

    private boolean temporalAnswers() {
        try {
            temporal.blockingStub()
                    .withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("health: Temporal does not answer: {}", e.toString());
            return false;
        }
    }

    private boolean ledgerAnswers() {
        try (Connection c = ledger.getConnection()) {
            return c.isValid(TIMEOUT_SECONDS);
        } catch (Exception e) {
            LOG.warn("health: the ledger database does not answer: {}", e.toString());
            return false;
        }
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
