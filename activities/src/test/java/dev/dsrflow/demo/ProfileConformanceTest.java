package dev.dsrflow.demo;

/** The demo product {@code profile} passes the conformance kit. */
class ProfileConformanceTest extends DemoProductConformance {
    ProfileConformanceTest() {
        super("profile");
    }
}
