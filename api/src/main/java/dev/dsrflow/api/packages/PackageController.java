package dev.dsrflow.api.packages;

import dev.dsrflow.api.problem.Problem;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.api.requests.LedgerQueries;
import dev.dsrflow.api.requests.RequestView;
import dev.dsrflow.api.security.Roles;
import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.ledger.DownloadInfo;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.packaging.PackageLayout;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Serves a download request's package (blob {@code packages/<requestId>.zip}): to privacy-ops
 * by request id, and to the data subject by signed link without credentials, until the link
 * expires or the package is purged (410 then).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "packages")
class PackageController {
    static final MediaType ZIP = MediaType.of("application/zip");

    private final LedgerQueries queries;
    private final BlobStore blobs;
    private final DownloadLinks links;

    PackageController(LedgerQueries queries, BlobStore blobs, DownloadLinks links) {
        this.queries = queries;
        this.blobs = blobs;
        this.links = links;
    }

    @Get(value = "/v1/requests/{id}/package", produces = "application/zip")
    @Secured(Roles.PRIVACY_OPS)
    @Operation(summary = "The download package of a DOWNLOAD request, once ready")
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "409",
            description = "not ready yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "410",
            description = "expired or purged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<StreamedFile> byRequest(@PathVariable String id) {
        RequestView request = queries.find(id).orElseThrow(() -> ProblemException.unknownRequest(id));
        if (request.type() != RequestType.DOWNLOAD) {
            throw ProblemException.notFound("Only DOWNLOAD requests have a package");
        }
        DownloadInfo info = queries.download(id)
                .orElseThrow(() -> ProblemException.conflict("The package of request " + id + " is not ready yet"));
        return serve(id, info);
    }

    @Get(value = "/v1/packages/{token}", produces = "application/zip")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirements
    @Operation(summary = "The download package, for the data subject, by signed link (no credentials)")
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "404",
            description = "not a link dsrflow issued",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "410",
            description = "the link expired or the package was purged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<StreamedFile> byToken(@PathVariable String token) {
        DownloadLinks.Grant grant =
                links.authentic(token).orElseThrow(() -> ProblemException.notFound("No such download link"));
        if (!grant.expiresAt().isAfter(Instant.now())) {
            throw ProblemException.gone("This download link has expired");
        }
        DownloadInfo info = queries.download(grant.requestId())
                .orElseThrow(() -> ProblemException.notFound("No such download link"));
        if (!token.equals(info.token())) {
            throw ProblemException.gone("This download link was replaced or withdrawn");
        }
        return serve(grant.requestId(), info);
    }

    private HttpResponse<StreamedFile> serve(String requestId, DownloadInfo info) {
        if (info.purged() || (info.expiresAt() != null && !info.expiresAt().isAfter(Instant.now()))) {
            throw ProblemException.gone("The package has expired and was or will be purged");
        }
        String key = PackageLayout.packageKey(requestId);
        if (!blobs.exists(key)) {
            throw ProblemException.gone("The package is no longer stored");
        }
        try {
            InputStream in = blobs.open(key);
            StreamedFile file = new StreamedFile(in, ZIP, Instant.now().toEpochMilli(), blobs.size(key))
                    .attach("dsr-" + requestId + ".zip");
            return HttpResponse.ok(file).header("Cache-Control", "no-store");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read package of request " + requestId, e);
        }
    }
}
