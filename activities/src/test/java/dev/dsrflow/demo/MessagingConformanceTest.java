package dev.dsrflow.demo;

/** The demo product {@code messaging} passes the conformance kit. */
class MessagingConformanceTest extends DemoProductConformance {
    MessagingConformanceTest() {
        super("messaging");
    }
}
