package dev.dsrflow.demo;

/** The demo product {@code partner-data} passes the conformance kit. */
class PartnerDataConformanceTest extends DemoProductConformance {
    PartnerDataConformanceTest() {
        super("partner-data");
    }
}
