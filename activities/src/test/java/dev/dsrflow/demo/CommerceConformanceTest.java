package dev.dsrflow.demo;

/** The demo product {@code commerce} passes the conformance kit. */
class CommerceConformanceTest extends DemoProductConformance {
    CommerceConformanceTest() {
        super("commerce");
    }
}
