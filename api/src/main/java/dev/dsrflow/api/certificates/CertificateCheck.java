package dev.dsrflow.api.certificates;

import dev.dsrflow.certificate.DeletionEvidence;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to a certificate check.
 *
 * @param valid whether the signature is genuine and the evidence matches what was signed
 * @param evidence what the certificate attests, when valid
 */
@Serdeable
public record CertificateCheck(boolean valid, @Nullable DeletionEvidence evidence) {}
