package dev.dsrflow.api.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;

/**
 * Refuses request bodies that are not declared JSON with a 415 problem, before routing and
 * security (which would otherwise see no matching route and answer a misleading 403). A body
 * without a Content-Type is refused too: a cross-site form or a no-type POST never reaches a
 * controller, and only a JSON body (which a browser sends cross-site only after a CORS preflight)
 * does. A POST without a body needs no type. The Data Rights Protocol's signed bodies are exempt.
 */
@ServerFilter({"/v1/**", "/codec/**"})
class JsonOnlyFilter implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<Problem> requireJson(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST || signedByAnAgent(request.getPath())) {
            return null;
        }
        MediaType type = request.getContentType().orElse(null);
        if (type == null ? !hasBody(request) : isJson(type)) {
            return null;
        }
        HttpStatus status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        return Problems.response(new Problem(
                "about:blank",
                status.getReason(),
                status.getCode(),
                "Request bodies are application/json",
                List.of(new FieldError("Content-Type", "must be application/json"))));
    }

    /**
     * The Data Rights Protocol's signed bodies are text/plain by the protocol; they carry no cookie
     * and no Basic credentials, only the agent's signature (see the drp package).
     */
    private static boolean signedByAnAgent(String path) {
        return path.startsWith("/v1/agent/") || path.equals("/v1/data-rights-request");
    }

    private static boolean hasBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean isJson(MediaType type) {
        return type.matches(MediaType.APPLICATION_JSON_TYPE)
                || type.getSubtype().endsWith("+json");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
