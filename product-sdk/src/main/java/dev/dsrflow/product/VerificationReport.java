package dev.dsrflow.product;

/** What {@code verifyErased} found left in scope; zero residual means verified. */
public record VerificationReport(long residual) {
    public boolean verified() {
        return residual == 0;
    }
}
