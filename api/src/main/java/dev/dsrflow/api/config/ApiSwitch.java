package dev.dsrflow.api.config;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Worker processes serve only {@code /health} (for their probes) and {@code /metrics} (Prometheus): with
 * {@code dsrflow.api.enabled=false} every other path answers 404, so a worker pod never exposes
 * the request API or the codec endpoint. It runs before security, so the answer does not depend
 * on credentials.
 */
@ServerFilter("/**")
@Order(Ordered.HIGHEST_PRECEDENCE)
@Requires(property = "dsrflow.api.enabled", value = "false")
final class ApiSwitch {
    @RequestFilter
    @Nullable
    HttpResponse<?> onlyHealth(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics")
                ? null
                : HttpResponse.notFound();
    }
}
