package dev.dsrflow.api.certificates;

import dev.dsrflow.api.security.Roles;
import dev.dsrflow.certificate.CertificateVerifier;
import dev.dsrflow.certificate.DeletionEvidence;
import dev.dsrflow.certificate.ProductEvidence;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.SerdeImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Checks a deletion certificate (the {@code certificate} of a completed deletion's view, or a
 * copy kept elsewhere): the signature must be genuine and the evidence untouched. Offline, the
 * same check is {@code java -cp dsrflow-activities.jar dev.dsrflow.certificate.CertificateVerifier
 * <base64-secret> <certificate.json>}.
 */
@Controller("/v1/certificates")
@SerdeImport(DeletionEvidence.class)
@SerdeImport(ProductEvidence.class)
@Secured({Roles.AUDITOR, Roles.PRIVACY_OPS, Roles.LEGAL})
@Tag(name = "certificates")
class CertificateController {
    private final CertificateVerifier verifier;

    CertificateController(CertificateVerifier verifier) {
        this.verifier = verifier;
    }

    @Post(uri = "/verify", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Check that a deletion certificate is authentic and untouched")
    CertificateCheck verify(@Body String certificate) {
        return verifier.verify(certificate)
                .map(evidence -> new CertificateCheck(true, evidence))
                .orElse(new CertificateCheck(false, null));
    }
}
