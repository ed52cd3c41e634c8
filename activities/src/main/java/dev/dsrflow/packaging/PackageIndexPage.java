package dev.dsrflow.packaging;

import org.owasp.encoder.Encode;

/** Renders the package's {@code index.html}: a page a person can read without tools. */
final class PackageIndexPage {
    private PackageIndexPage() {}

    static String render(PackageManifest manifest) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Your"
                        + " information</title></head><body>\n")
                .append("<h1>Your information</h1>\n<p>This package holds a copy of your information from ")
                .append(manifest.products().size())
                .append(" products: ")
                .append(manifest.totalFiles())
                .append(" files, ")
                .append(manifest.totalItems())
                .append(" items. Every file's SHA-256 is listed in <code>manifest.json</code>.</p>\n");
        for (PackageManifest.Folder folder : manifest.products()) {
            html.append("<h2>")
                    .append(escape(folder.displayName()))
                    .append("</h2>\n<p>")
                    .append(escape(folder.status()))
                    .append(", ")
                    .append(folder.items())
                    .append(" items</p>\n");
            if (!folder.files().isEmpty()) {
                html.append("<table><tr><th>file</th><th>items</th><th>bytes</th><th>SHA-256</th></tr>\n");
                for (PackageManifest.Entry e : folder.files()) {
                    html.append("<tr><td><a href=\"")
                            .append(Encode.forHtmlAttribute(e.path()))
                            .append("\">")
                            .append(escape(e.path()))
                            .append("</a></td><td>")
                            .append(e.items())
                            .append("</td><td>")
                            .append(e.bytes())
                            .append("</td><td><code>")
                            .append(e.sha256())
                            .append("</code></td></tr>\n");
                }
                html.append("</table>\n");
            }
        }
        return html.append("</body></html>\n").toString();
    }

    static String escape(String s) {
        return s == null ? "" : Encode.forHtml(s);
    }
}
