package dev.dsrflow.report;

import org.owasp.encoder.Encode;

/** Renders the access report as a page a person can read. */
final class AccessReportPage {
    private AccessReportPage() {}

    static String render(AccessReport r) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Access"
                        + " report</title></head><body>\n")
                .append("<h1>Information we hold about you</h1>\n<p>Request ")
                .append(esc(r.requestId()))
                .append(": ")
                .append(r.totalItems())
                .append(" items across ")
                .append(r.products().size())
                .append(" products.</p>\n");
        for (AccessReport.ProductSection p : r.products()) {
            h.append("<h2>")
                    .append(esc(p.displayName()))
                    .append("</h2>\n<p>")
                    .append(esc(p.status()))
                    .append(", ")
                    .append(p.items())
                    .append(" items</p>\n");
            for (AccessReport.CategorySection c : p.categories()) {
                h.append("<h3>")
                        .append(esc(c.description()))
                        .append("</h3>\n<p>")
                        .append(c.items())
                        .append(" items");
                if (c.earliest() != null && c.latest() != null) {
                    h.append(", from ").append(c.earliest()).append(" to ").append(c.latest());
                }
                h.append(" (").append(esc(c.heading())).append(")</p>\n<p>Why we process it:</p><ul>");
                c.purposes().forEach(x -> h.append("<li>").append(esc(x)).append("</li>"));
                h.append("</ul>\n<p>Who may receive it:</p><ul>");
                c.recipients().forEach(x -> h.append("<li>").append(esc(x)).append("</li>"));
                h.append("</ul>\n");
            }
        }
        return h.append("<h2>How long we keep it</h2>\n<p>")
                .append(esc(r.retention()))
                .append("</p>\n</body></html>\n")
                .toString();
    }

    private static String esc(String s) {
        return s == null ? "" : Encode.forHtml(s);
    }
}
