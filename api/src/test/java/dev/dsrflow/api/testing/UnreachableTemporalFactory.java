package dev.dsrflow.api.testing;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

/** Test wiring for "Temporal is down": stubs aimed at a port nothing listens on, giving up fast. */
@Factory
@Requires(property = "test.temporal-down")
public class UnreachableTemporalFactory {

    @Singleton
    @Replaces(WorkflowServiceStubs.class)
    @Bean(preDestroy = "shutdownNow")
    WorkflowServiceStubs unreachable() {
        return WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + closedPort())
                .setRpcTimeout(Duration.ofSeconds(1))
                .setSystemInfoTimeout(Duration.ofMillis(500))
                .setRpcLongPollTimeout(Duration.ofSeconds(1))
                .setRpcRetryOptions(RpcRetryOptions.newBuilder()
                        .setExpiration(Duration.ofSeconds(1))
                        .setMaximumAttempts(2)
                        .build())
                .build());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
