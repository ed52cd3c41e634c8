package dev.dsrflow.api.config;

import dev.dsrflow.blob.BlobStore;
import dev.dsrflow.blob.FileSystemBlobStore;
import dev.dsrflow.blob.S3BlobStore;
import dev.dsrflow.certificate.CertificateSigner;
import dev.dsrflow.certificate.CertificateVerifier;
import dev.dsrflow.certificate.SigningKeys;
import dev.dsrflow.codec.CodecKeys;
import dev.dsrflow.codec.SealedSpecs;
import dev.dsrflow.ledger.HistoryVerifier;
import dev.dsrflow.ledger.LedgerSchema;
import dev.dsrflow.ledger.LedgerStore;
import dev.dsrflow.ledger.RequestFingerprint;
import dev.dsrflow.model.IdentifierNormalizer;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.SubjectKey;
import dev.dsrflow.packaging.DownloadLinks;
import dev.dsrflow.product.ProductCatalog;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The beans every dsrflow process shares: secrets, ledger, product catalog, blob store. */
@Factory
class CoreFactory {

    @Singleton
    CodecKeys codecKeys(SecretSettings secrets) {
        return CodecKeys.parse(secrets.codecKeys());
    }

    /** Phone numbers without a country code are read in {@code dsrflow.subject.default-region}. */
    @Singleton
    IdentifierNormalizer identifierNormalizer(
            @Value("${dsrflow.subject.default-region:" + IdentifierNormalizer.DEFAULT_REGION + "}") String region) {
        return new IdentifierNormalizer(region);
    }

    @Singleton
    SubjectKey subjectKey(SecretSettings secrets, IdentifierNormalizer normalizer) {
        return new SubjectKey(secrets.subjectKeySecretBytes(), normalizer);
    }

    @Singleton
    RequestFingerprint requestFingerprint(SecretSettings secrets) {
        return new RequestFingerprint(secrets.subjectKeySecretBytes());
    }

    @Singleton
    DownloadLinks downloadLinks(SecretSettings secrets) {
        return new DownloadLinks(secrets.linkSecretBytes());
    }

    @Singleton
    SigningKeys signingKeys(SecretSettings secrets) {
        return SigningKeys.parse(secrets.requiredCertificateKeys());
    }

    @Singleton
    CertificateSigner certificateSigner(SigningKeys keys) {
        return new CertificateSigner(keys);
    }

    @Singleton
    CertificateVerifier certificateVerifier(SigningKeys keys) {
        return new CertificateVerifier(keys.publicKeys());
    }

    @Singleton
    HistoryVerifier historyVerifier(SigningKeys keys) {
        return new HistoryVerifier(keys.publicKeys());
    }

    @Singleton
    SealedSpecs sealedSpecs(CodecKeys keys) {
        return new SealedSpecs(keys);
    }

    @Singleton
    LedgerStore ledgerStore(DataSource dataSource, SigningKeys keys) {
        LedgerSchema.migrate(dataSource);
        return new LedgerStore(dataSource, keys);
    }

    @Singleton
    ProductCatalog productCatalog(List<ProductEntry> entries) {
        return new ProductCatalog(entries.stream()
                .sorted(Comparator.comparing(ProductEntry::name))
                .map(ProductEntry::toSettings)
                .toList());
    }

    @Singleton
    RequestPolicy requestPolicy(PolicySettings settings) {
        return settings.toPolicy();
    }

    /** S3 when a bucket is configured, otherwise the local blob directory. */
    @Singleton
    BlobStore blobStore(@Value("${dsrflow.blob.dir}") String dir, Optional<S3Settings> s3) {
        return s3.<BlobStore>map(c -> new S3BlobStore(
                        c.endpoint(), c.region(), c.bucket(), c.accessKey(), c.secretKey(), c.pathStyle()))
                .orElseGet(() -> new FileSystemBlobStore(Path.of(dir)));
    }
}
