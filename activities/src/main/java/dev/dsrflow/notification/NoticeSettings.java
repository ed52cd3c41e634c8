package dev.dsrflow.notification;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What notices say beyond the request: where links point and where to complain.
 *
 * @param publicUrl the base URL subjects reach dsrflow at (status page, download link), asked for at
 *     each notice (the default runtime knows its port only once its server started)
 * @param authority the lead supervisory authority for GDPR complaints
 * @param authorityUrl its web address
 * @param codeTtl how long a verification code is good for
 */
public record NoticeSettings(Supplier<String> publicUrl, String authority, String authorityUrl, Duration codeTtl) {
    /** Settings with a fixed public URL. */
    public NoticeSettings(String publicUrl, String authority, String authorityUrl, Duration codeTtl) {
        this(() -> publicUrl, authority, authorityUrl, codeTtl);
    }

    /** The public URL without a trailing slash. */
    public String baseUrl() {
        String url = publicUrl.get();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
