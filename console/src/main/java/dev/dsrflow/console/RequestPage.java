package dev.dsrflow.console;

import java.util.List;

/**
 * One request: its header, the live part (status and products) that refreshes while work runs,
 * the audit timeline with its verification, the actions the person may take now (and those they
 * may not, with the reason), the certificate check and the links to its outputs.
 */
public record RequestPage(
        RequestSummary request,
        Live live,
        Timeline timeline,
        CertificateStatus certificate,
        DownloadInfo download,
        List<Link> links) {

    /**
     * The part of the page that htmx refreshes every two seconds until the request is over: its
     * status, the actions the person may take now, the products.
     */
    public record Live(
            RequestSummary request,
            List<Action> actions,
            List<ProductRow> products,
            boolean polling,
            boolean productActions) {}

    /** One product's part of the request, with the product actions the person may take. */
    public record ProductRow(
            String product, String status, int attempts, String detail, String updated, List<Action> actions) {}

    /**
     * An action button: enabled, or disabled with {@code why}. {@code dialog} is the id of the
     * reason dialog it opens; {@code product} is set for product actions.
     */
    public record Action(
            String name,
            String label,
            boolean enabled,
            String why,
            boolean reasonRequired,
            String dialog,
            String product,
            boolean danger) {
        public String whyId() {
            return "why-" + name + (product == null ? "" : "-" + product);
        }
    }

    /** The audit timeline from the ledger; {@code verified} says the hash chain is intact. */
    public record Timeline(List<Event> events, boolean verified, Long headSeq, boolean signedHead, String error) {}

    /** One ledger event. */
    public record Event(long seq, String at, String actor, String kind, String product, String detail, String hash) {}

    /** The deletion certificate, checked in place by the API. */
    public record CertificateStatus(boolean valid, String reason, String json) {}

    /** The download package: a live link only for privacy-ops, digest and size for everyone. */
    public record DownloadInfo(String expires, String sha256, long bytes, boolean live, boolean purged) {}

    /** A link to one of the request's outputs. */
    public record Link(String label, String href) {}
}
