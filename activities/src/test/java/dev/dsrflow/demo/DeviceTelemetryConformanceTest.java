package dev.dsrflow.demo;

/** The demo product {@code device-telemetry} passes the conformance kit. */
class DeviceTelemetryConformanceTest extends DemoProductConformance {
    DeviceTelemetryConformanceTest() {
        super("device-telemetry");
    }
}
