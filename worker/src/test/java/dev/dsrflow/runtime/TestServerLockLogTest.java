package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.internal.testservice.TestServicesStarter;
import org.junit.jupiter.api.Test;

/** The test server's lock log is replaced, and the server's own lock bookkeeping still balances. */
class TestServerLockLogTest {

    @Test
    void theLockLogKeepsNothingAndTheServerStillClosesCleanly() {
        TestServicesStarter services = new TestServicesStarter(true, 0);
        try {
            assertThat(TestServerLockLog.isDisabled(services)).isFalse();
            assertThat(TestServerLockLog.disable(services)).isTrue();
            assertThat(TestServerLockLog.isDisabled(services)).isTrue();
        } finally {
            services.close(); // unlocks the handles taken before the swap: must not throw
        }
    }
}
