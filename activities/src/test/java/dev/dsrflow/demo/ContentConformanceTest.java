package dev.dsrflow.demo;

/** The demo product {@code content} passes the conformance kit. */
class ContentConformanceTest extends DemoProductConformance {
    ContentConformanceTest() {
        super("content");
    }
}
