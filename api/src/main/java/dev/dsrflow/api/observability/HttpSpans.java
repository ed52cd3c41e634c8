package dev.dsrflow.api.observability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server span for every API call, child of the caller's W3C {@code traceparent} if any, and
 * current while the controller runs (so the workflow it starts or updates joins the trace). It
 * records the method, the route template, the status and the request id, never the URL's query
 * or a body.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(condition = TracingEnabled.class)
final class HttpSpans implements Ordered {
    private static final String SPAN = HttpSpans.class.getName() + ".span";
    private static final Pattern REQUEST_PATH = Pattern.compile("/v1/requests/([0-9a-fA-F]{8}-[0-9a-fA-F-]{27})");
    private static final TextMapGetter<HttpHeaders> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpHeaders carrier) {
            return carrier.names();
        }

        @Override
        public String get(HttpHeaders carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    HttpSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.dsrflow.api");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.order();
    }

    @RequestFilter
    void start(HttpRequest<?> request, MutablePropagatedContext propagated) {
        String path = request.getPath();
        if (path.equals("/metrics") || path.startsWith("/health")) {
            return;
        }
        Context parent = propagator.extract(Context.root(), request.getHeaders(), HEADERS);
        Span span = tracer.spanBuilder(request.getMethodName())
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.getMethodName())
                .startSpan();
        request.setAttribute(SPAN, span);
        propagated.add(new Current(parent.with(span)));
    }

    @ResponseFilter
    void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Span span = request.getAttribute(SPAN, Span.class).orElse(null);
        if (span == null) {
            return;
        }
        request.removeAttribute(SPAN, Span.class);
        String route = BasicHttpAttributes.getUriTemplate(request).orElse("unmatched");
        span.updateName(request.getMethodName() + " " + route);
        span.setAttribute("http.route", route);
        span.setAttribute("http.response.status_code", response.code());
        String requestId = requestId(request.getPath());
        if (requestId == null) {
            requestId = requestId(response.getHeaders().get(HttpHeaders.LOCATION));
        }
        if (requestId != null) {
            span.setAttribute(RequestSpans.REQUEST_ID, requestId);
        }
        if (response.code() >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    private static String requestId(String path) {
        if (path == null) {
            return null;
        }
        Matcher m = REQUEST_PATH.matcher(path);
        return m.find() ? m.group(1) : null;
    }

    /** Makes the span's context current on whichever thread runs the request. */
    private record Current(Context context) implements ThreadPropagatedContextElement<Scope> {
        @Override
        public Scope updateThreadContext() {
            return context.makeCurrent();
        }

        @Override
        public void restoreThreadContext(Scope scope) {
            scope.close();
        }
    }
}
