package dev.dsrflow.packaging;

/** The one place that names where staging areas and packages live in the blob store. */
public final class PackageLayout {
    private PackageLayout() {}

    /** Staging area of a whole request. */
    public static String staging(String requestId) {
        return "staging/" + requestId + "/";
    }

    /** Staging folder of one product of a request; a product worker writes its files under it. */
    public static String staging(String requestId, String product) {
        return staging(requestId) + product + "/";
    }

    /**
     * Where the product adapter stages a product's export manifest (JSON of
     * {@link dev.dsrflow.product.ExportManifest}): in the request's staging area but outside every
     * product folder ({@code _} never starts a product id), so it is purged with the staging area
     * and never zipped as a product file.
     */
    public static String exportManifest(String requestId, String product) {
        return staging(requestId) + "_manifests/" + product + ".json";
    }

    /** The package blob of a request. */
    public static String packageKey(String requestId) {
        return "packages/" + requestId + ".zip";
    }
}
