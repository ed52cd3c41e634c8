package dev.dsrflow.certificate;

/** Signs deletion certificates with the configured {@link CertificateSigner}. */
public final class CertificateActivitiesImpl implements CertificateActivities {
    private final CertificateSigner signer;

    public CertificateActivitiesImpl(CertificateSigner signer) {
        this.signer = signer;
    }

    @Override
    public String issue(DeletionEvidence evidence) {
        return signer.sign(evidence);
    }
}
