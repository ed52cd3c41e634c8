package dev.dsrflow.api.subject;

import dev.dsrflow.api.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window limits on what the privacy center does without credentials: filings per
 * address (keyed by its subject key, never the address), filings per client, and verification
 * attempts per client. In memory, per process: a limit a deployment behind several API
 * processes multiplies; its edge proxy limits per client too.
 */
@Singleton
public class RateLimits {
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration window;
    private final int perAddress;
    private final int perClient;
    private final int attemptsPerClient;

    RateLimits(
            @Value("${dsrflow.privacy-center.window:1h}") Duration window,
            @Value("${dsrflow.privacy-center.filings-per-address:3}") int perAddress,
            @Value("${dsrflow.privacy-center.filings-per-client:20}") int perClient,
            @Value("${dsrflow.privacy-center.attempts-per-client:60}") int attemptsPerClient) {
        this.clock = Clock.systemUTC();
        this.window = window;
        this.perAddress = perAddress;
        this.perClient = perClient;
        this.attemptsPerClient = attemptsPerClient;
    }

    /** Counts a filing; 429 when the address or the client filed too often within the window. */
    public void filing(String subjectKey, String client) {
        take("client:" + client, perClient);
        take("address:" + subjectKey, perAddress);
    }

    /** Counts a verification attempt or a resend; 429 when the client tried too often. */
    public void attempt(String client) {
        take("attempt:" + client, attemptsPerClient);
    }

    private void take(String key, int limit) {
        Instant now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(d -> expired(d, now));
        }
        Deque<Instant> hits = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (hits) {
            while (!hits.isEmpty() && !hits.peekFirst().isAfter(now.minus(window))) {
                hits.pollFirst();
            }
            if (hits.size() >= limit) {
                throw new ProblemException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "/problems/rate-limited",
                        "Too many requests; try again later",
                        null);
            }
            hits.addLast(now);
        }
    }

    private boolean expired(Deque<Instant> hits, Instant now) {
        synchronized (hits) {
            return hits.isEmpty() || !hits.peekLast().isAfter(now.minus(window));
        }
    }
}
