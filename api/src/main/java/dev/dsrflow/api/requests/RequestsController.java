package dev.dsrflow.api.requests;

import dev.dsrflow.api.problem.Problem;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.api.problem.StrictJson;
import dev.dsrflow.api.security.ProductAccess;
import dev.dsrflow.api.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Files requests, shows one, lists and exports them (all reads come from the ledger). */
@Controller("/v1/requests")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "requests")
class RequestsController {
    private final RequestFiling filing;
    private final LedgerQueries queries;
    private final ListParameters listParameters;

    RequestsController(RequestFiling filing, LedgerQueries queries, ListParameters listParameters) {
        this.filing = filing;
        this.queries = queries;
        this.listParameters = listParameters;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @Secured({Roles.PRIVACY_OPS, Roles.LEGAL})
    @Operation(
            summary = "File a request",
            description = "PRIVACY_OPS files ACCESS, DOWNLOAD and DELETION; LEGAL files PRESERVATION. The same"
                    + " Idempotency-Key with the same body answers 200 with the existing request; with"
                    + " another body, 409.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FilingBody.class)))
    @ApiResponse(
            responseCode = "201",
            description = "filed",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @ApiResponse(
            responseCode = "200",
            description = "replay of an earlier filing with the same Idempotency-Key",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @ApiResponse(
            responseCode = "400",
            description = "invalid input",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<RequestView> file(
            @Body @Nullable byte[] body,
            @Header("Idempotency-Key") @Nullable String idempotencyKey,
            Authentication filer) {
        FilingBody request = StrictJson.read(body, FilingBody.class, true);
        RequestFiling.Filed filed = filing.file(request, idempotencyKey, filer);
        if (!filed.created()) {
            return HttpResponse.ok(RequestViews.visibleTo(
                    queries.find(filed.requestId())
                            .orElseThrow(() -> ProblemException.unknownRequest(filed.requestId())),
                    filer));
        }
        // the request as filed (what the ledger row holds): no read back
        return HttpResponse.created(RequestView.filed(filed.spec()), URI.create("/v1/requests/" + filed.requestId()));
    }

    @Get("/{id}")
    @Secured({Roles.PRIVACY_OPS, Roles.LEGAL, Roles.AUDITOR, Roles.PRODUCT})
    @Operation(summary = "The request view (from the ledger); never the subject's identifiers")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "unknown request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    RequestView show(@PathVariable String id, Authentication reader) {
        RequestView view =
                RequestViews.visibleTo(queries.find(id).orElseThrow(() -> ProblemException.unknownRequest(id)), reader);
        Optional<Set<String>> scope = ProductAccess.of(reader);
        if (scope.isEmpty()) {
            return view;
        }
        List<RequestView.ProductView> mine = view.products().stream()
                .filter(p -> scope.get().contains(p.product()))
                .toList();
        if (mine.isEmpty()) {
            throw ProblemException.forbidden("A product team sees only requests involving its products");
        }
        return view.forProductTeam(mine);
    }

    @Get
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Secured({Roles.PRIVACY_OPS, Roles.LEGAL, Roles.AUDITOR, Roles.PRODUCT})
    @Operation(
            summary = "List and filter requests (from the ledger); Accept: text/csv exports the same rows: without page"
                    + " or size, every matching row, streamed")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestPage.class)),
                @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = "string"))
            })
    HttpResponse<?> list(
            @QueryValue @Nullable @Parameter(description = "ACCESS, DOWNLOAD, DELETION, PRESERVATION; comma-separated")
                    String type,
            @QueryValue @Nullable @Parameter(description = "request status; comma-separated") String status,
            @QueryValue @Nullable @Parameter(description = "GDPR, CCPA, OTHER; comma-separated") String jurisdiction,
            @QueryValue @Nullable @Parameter(description = "a product id") String product,
            @QueryValue
                    @Nullable
                    @Parameter(description = "a subject identifier (user id, email or phone); matched by subject key")
                    String subject,
            @QueryValue @Nullable @Parameter(description = "ISO-8601 instant") String dueBefore,
            @QueryValue @Nullable @Parameter(description = "true: due date passed and not final") String overdue,
            @QueryValue @Nullable @Parameter(description = "0-based page") String page,
            @QueryValue @Nullable @Parameter(description = "page size, at most 200 (default 50)") String size,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "dueAt, -dueAt, receivedAt, -receivedAt (default), status or type;"
                                    + " '-' sorts descending")
                    String sort,
            @Header(HttpHeaders.ACCEPT) @Nullable String accept,
            Authentication reader) {
        ListOrder order = listParameters.order(sort);
        return answer(
                reader,
                listParameters.parse(type, status, jurisdiction, product, subject, dueBefore, overdue, page, size),
                order,
                accept,
                page != null || size != null);
    }

    @Post(value = "/search", consumes = MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Secured({Roles.PRIVACY_OPS, Roles.LEGAL, Roles.AUDITOR, Roles.PRODUCT})
    @Operation(
            summary = "The same list and filters as GET /v1/requests, with the filters in the body so that a"
                    + " subject identifier stays out of URLs and access logs")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchBody.class)))
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestPage.class)),
                @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = "string"))
            })
    HttpResponse<?> search(
            @Body @Nullable byte[] body, @Header(HttpHeaders.ACCEPT) @Nullable String accept, Authentication reader) {
        SearchBody search = StrictJson.read(body, SearchBody.class, false);
        if (search == null) {
            search = new SearchBody(null, null, null, null, null, null, null, null, null);
        }
        return answer(
                reader,
                listParameters.parse(
                        search.type(),
                        search.status(),
                        search.jurisdiction(),
                        search.product(),
                        search.subject(),
                        search.dueBefore(),
                        text(search.overdue()),
                        text(search.page()),
                        text(search.size())),
                ListOrder.RECEIVED_DESC,
                accept,
                search.page() != null || search.size() != null);
    }

    /** A page as JSON or CSV; a CSV export asked without page or size streams every matching row. */
    private HttpResponse<?> answer(
            Authentication reader, RequestFilter filter, ListOrder order, String accept, boolean paged) {
        UnaryOperator<RequestView> shown = shown(reader);
        boolean csv = accept != null && accept.contains(CsvExport.MEDIA_TYPE);
        if (csv && !paged) {
            return HttpResponse.ok(CsvExport.stream(queries.stream(scoped(filter, reader)), shown))
                    .contentType(CsvExport.MEDIA_TYPE + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"requests.csv\"");
        }
        RequestPage listed = queries.list(scoped(filter, reader), order);
        RequestPage result = new RequestPage(
                listed.items().stream().map(item -> item.map(shown)).toList(),
                listed.page(),
                listed.size(),
                listed.total(),
                listed.totalExact());
        if (csv) {
            return HttpResponse.ok(CsvExport.of(
                            result.items().stream().map(ListedRequest::request).toList()))
                    .contentType(CsvExport.MEDIA_TYPE + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"requests.csv\"");
        }
        return HttpResponse.ok(result);
    }

    /** A listed view as this reader may see it: the download link for PRIVACY_OPS only, a product team's part. */
    private static UnaryOperator<RequestView> shown(Authentication reader) {
        boolean productTeam = ProductAccess.of(reader).isPresent();
        return v -> {
            RequestView visible = RequestViews.visibleTo(v, reader);
            return productTeam ? visible.forProductTeam(null) : visible;
        };
    }

    /** A product team's list is limited to its products; asking for another product is forbidden. */
    private static RequestFilter scoped(RequestFilter filter, Authentication reader) {
        Optional<Set<String>> scope = ProductAccess.of(reader);
        if (scope.isEmpty()) {
            return filter;
        }
        if (filter.products() != null && !scope.get().containsAll(filter.products())) {
            throw ProblemException.forbidden("A product team sees only requests involving its products");
        }
        return filter.products() != null ? filter : filter.withProducts(scope.get());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
