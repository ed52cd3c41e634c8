package dev.dsrflow.api.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /metrics} in Prometheus text format, in every process. It needs the {@value #ROLE}
 * role (Prometheus scrapes with Basic credentials or a bearer token) unless
 * {@code dsrflow.observability.metrics-anonymous} says the network already fences it.
 */
@Controller("/metrics")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS) // the role check below depends on configuration
@Hidden
@Requires(beans = PrometheusMeterRegistry.class)
class MetricsController {
    /** The role that may read {@code /metrics}. */
    static final String ROLE = "METRICS";

    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final boolean anonymous;

    MetricsController(PrometheusMeterRegistry registry, ObservabilitySettings settings) {
        this.registry = registry;
        this.anonymous = settings.metricsAnonymous();
    }

    @Get
    HttpResponse<String> scrape(@Nullable Authentication caller) {
        if (!anonymous) {
            if (caller == null) {
                return HttpResponse.<String>unauthorized()
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"dsrflow\"");
            }
            if (!caller.getRoles().contains(ROLE)) {
                return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN);
            }
        }
        return HttpResponse.ok(registry.scrape()).contentType(CONTENT_TYPE);
    }
}
