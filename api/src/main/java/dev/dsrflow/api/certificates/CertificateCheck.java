package dev.dsrflow.api.certificates;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dsrflow.certificate.DeletionEvidence;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to a certificate check.
 *
 * @param valid whether the JWS is signed by one of the published keys and holds deletion evidence
 * @param reason one line saying why (not)
 * @param payload what the certificate attests, when valid
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CertificateCheck(
        boolean valid, String reason, @Nullable DeletionEvidence payload) {}
