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

  /** The package blob of a request. */
  public static String packageKey(String requestId) {
    return "packages/" + requestId + ".zip";
  }
}
