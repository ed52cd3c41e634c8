package dev.dsrflow.api.certificates;

import com.nimbusds.jose.jwk.JWKSet;
import dev.dsrflow.api.security.Roles;
import dev.dsrflow.certificate.CertificateVerifier;
import dev.dsrflow.certificate.DeletionEvidence;
import dev.dsrflow.certificate.ProductEvidence;
import dev.dsrflow.certificate.SigningKeys;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.SerdeImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;

/**
 * Deletion certificates are JWS (EdDSA, Ed25519) that anyone can check with the published keys:
 * {@code GET /v1/certificates/keys} answers the JWKS (current and retired keys), and
 * {@code POST /v1/certificates/verify} checks one here. Offline, the same check is
 * {@code java -jar dsrflow.jar verify certificate.json --keys keys.json}.
 */
@Controller("/v1/certificates")
@SerdeImport(DeletionEvidence.class)
@SerdeImport(ProductEvidence.class)
@Secured({Roles.AUDITOR, Roles.PRIVACY_OPS, Roles.LEGAL, Roles.PRODUCT})
@Tag(name = "certificates")
class CertificateController {
    private final CertificateVerifier verifier;
    private final JWKSet publicKeys;

    CertificateController(CertificateVerifier verifier, SigningKeys keys) {
        this.verifier = verifier;
        this.publicKeys = keys.publicKeys();
    }

    @Get(uri = "/keys", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirements
    @Operation(summary = "The public keys (JWKS, RFC 8037 OKP/Ed25519) that verify certificates and ledger heads")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(type = "object")))
    Map<String, Object> keys() {
        return publicKeys.toJSONObject(true);
    }

    @Post(uri = "/verify", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Check that a deletion certificate is signed by a published key; answers what it attests")
    CertificateCheck verify(@Valid @Body VerifyBody body) {
        CertificateVerifier.Verdict verdict = verifier.check(body.jws());
        return new CertificateCheck(verdict.valid(), verdict.reason(), verdict.evidence());
    }
}
