package dev.dsrflow.runtime;

import io.temporal.internal.testservice.TestServicesStarter;
import java.lang.reflect.Field;
import java.util.LinkedList;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the Temporal test server's time-skipping lock log from growing without bound.
 *
 * <p>The test server's self-advancing timer (1.38) appends an entry to a {@code LinkedList} on
 * every time-skipping lock and unlock; entries made through a request's lock changes (one pair
 * per workflow task and per activity) are never removed, and every other unlock searches the
 * list from its head. The list is kept "for debugging purposes only" (it feeds a diagnostic
 * dump), but in a long-running embedded server it costs memory and, worse, CPU that grows with
 * every task the server has ever handled: after some tens of thousands of requests the search
 * took a third of the process's CPU. Replacing it with a list that keeps nothing changes no
 * behaviour (the lock count is kept apart) and loses only that diagnostic dump.
 *
 * <p>Only the fallback needs it (the Java test server, when the real server's binary is missing,
 * and {@code bench --temporal test-server}); the real server has no such list. Measured again on
 * 2026-12-01 with 1,500-workflow rounds of the bench's one-activity baseline (2 shared cores):
 * without it the CPU per workflow stayed at 11.5-14.8 ms and throughput at 29-36 workflows/s from
 * the 3rd to the 5th round; with it they fell to 7.5-9.2 ms and rose to 117-145 workflows/s. A
 * fallback that serves a few thousand workflows cannot do without it, so it stays.
 */
public final class TestServerLockLog {
    private static final Logger LOG = LoggerFactory.getLogger(TestServerLockLog.class);

    private TestServerLockLog() {}

    /** Makes the server's lock log keep nothing; returns false (and changes nothing) if its internals differ. */
    public static boolean disable(TestServicesStarter services) {
        try {
            Object timer = field(services.getClass(), "selfAdvancingTimer").get(services);
            Field events = field(timer.getClass(), "lockEvents");
            Lock lock = (Lock) field(timer.getClass(), "lock").get(timer);
            lock.lock();
            try {
                events.set(timer, new Forgetful<>());
            } finally {
                lock.unlock();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("the embedded Temporal's lock log is left as it is ({}); a long run slows it down", e.toString());
            return false;
        }
    }

    /** Whether the server's lock log is one that keeps nothing. */
    static boolean isDisabled(TestServicesStarter services) {
        try {
            Object timer = field(services.getClass(), "selfAdvancingTimer").get(services);
            return field(timer.getClass(), "lockEvents").get(timer) instanceof Forgetful;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** A list that accepts entries and removals and keeps nothing. */
    private static final class Forgetful<E> extends LinkedList<E> {
        @Override
        public boolean add(E e) {
            return true;
        }

        @Override
        public void addLast(E e) {
            // kept nowhere
        }

        @Override
        public boolean remove(Object o) {
            return true; // the lock count, kept apart, is what the timer relies on
        }
    }
}
