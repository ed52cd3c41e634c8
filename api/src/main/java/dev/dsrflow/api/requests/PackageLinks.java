package dev.dsrflow.api.requests;

import dev.dsrflow.ledger.DownloadInfo;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Turns a package's ledger entry into the link the data subject receives. */
@Singleton
public class PackageLinks {
    private final String publicUrl;

    PackageLinks(@Value("${dsrflow.api.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The subject's download URL for a token ({@code <public-url>/v1/packages/<token>}). */
    public String url(String token) {
        return publicUrl + "/v1/packages/" + token;
    }

    RequestView.Download view(DownloadInfo info) {
        if (info == null) {
            return null;
        }
        return new RequestView.Download(
                info.purged() || info.token() == null ? null : url(info.token()),
                info.expiresAt(),
                info.sha256(),
                info.bytes(),
                info.purged());
    }
}
