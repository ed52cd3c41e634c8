package dev.dsrflow.product.activity;

import dev.dsrflow.product.Capability;

/**
 * The one list of the product steps the platform runs: each activity of
 * {@link ProductActivities}, and what workflows fan out, batch and record. A step needs the
 * {@link Capability} a product declares for it ({@link #capability}): every step is its own
 * capability, except UNRESTRICT, the compensation of RESTRICT.
 */
public enum ProductStep {
    LOCATE(Capability.LOCATE),
    EXPORT(Capability.EXPORT),
    RESTRICT(Capability.RESTRICT),
    UNRESTRICT(Capability.RESTRICT),
    ERASE(Capability.ERASE),
    VERIFY(Capability.VERIFY),
    PRESERVE(Capability.PRESERVE),
    RELEASE(Capability.RELEASE);

    private final Capability capability;

    ProductStep(Capability capability) {
        this.capability = capability;
    }

    /** The capability a product must declare for the platform to run this step. */
    public Capability capability() {
        return capability;
    }
}
