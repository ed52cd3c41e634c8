package dev.dsrflow.demo;

/** The demo product {@code connections} passes the conformance kit. */
class ConnectionsConformanceTest extends DemoProductConformance {
    ConnectionsConformanceTest() {
        super("connections");
    }
}
