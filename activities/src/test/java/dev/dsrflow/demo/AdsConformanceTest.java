package dev.dsrflow.demo;

/** The demo product {@code ads} passes the conformance kit. */
class AdsConformanceTest extends DemoProductConformance {
    AdsConformanceTest() {
        super("ads");
    }
}
