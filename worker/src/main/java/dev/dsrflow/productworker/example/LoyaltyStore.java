package dev.dsrflow.productworker.example;

import dev.dsrflow.model.DateRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stands in for the loyalty team's existing backend (in memory, to keep the example short):
 * members, the points they earned, legal-hold copies and an erasure tally. A real team has a
 * database or a service here; the handler is the only part written for dsrflow.
 */
public final class LoyaltyStore {
    /** Points a member earned at a time, for a reason; hidden entries are restricted. */
    public record Entry(long id, String member, Instant earnedAt, int points, String reason, boolean hidden) {}

    private record Member(String id, String email, String phone) {}

    private final Map<String, Member> members = new HashMap<>();
    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private final Map<String, TreeMap<Long, Entry>> holds = new HashMap<>();
    private final Map<String, Long> erasedBySubjectKey = new HashMap<>();
    private final Map<String, Long> erasedByRun = new HashMap<>();
    private long nextId = 1;

    /** Adds a member (if new) and an entry of points earned. */
    public synchronized void earn(String memberId, String email, String phone, Instant at, int points, String reason) {
        members.putIfAbsent(memberId, new Member(memberId, lower(email), phone));
        long id = nextId++;
        entries.put(id, new Entry(id, memberId, at, points, reason, false));
    }

    /** The member known by any of these identifiers. */
    public synchronized Optional<String> findMember(String memberId, String email, String phone) {
        return members.values().stream()
                .filter(m -> m.id().equals(memberId)
                        || (email != null && lower(email).equals(m.email()))
                        || (phone != null && phone.equals(m.phone())))
                .map(Member::id)
                .findFirst();
    }

    /** The member's entries in the range, by id. */
    public synchronized List<Entry> entries(String member, DateRange range) {
        return entries.values().stream()
                .filter(e -> e.member().equals(member) && range.contains(e.earnedAt()))
                .toList();
    }

    /** Entries the loyalty app shows the member (restricted ones hidden). */
    public synchronized long shown(String member) {
        return entries.values().stream()
                .filter(e -> e.member().equals(member) && !e.hidden())
                .count();
    }

    /** Hides or shows the member's entries in the range; returns how many changed. */
    public synchronized long setHidden(String member, DateRange range, boolean hidden) {
        long changed = 0;
        for (Entry e : entries(member, range)) {
            if (e.hidden() != hidden) {
                entries.put(e.id(), new Entry(e.id(), e.member(), e.earnedAt(), e.points(), e.reason(), hidden));
                changed++;
            }
        }
        return changed;
    }

    /** Deletes up to {@code limit} of the member's entries in the range with ids above {@code afterId}. */
    public synchronized List<Entry> deleteAfter(String member, DateRange range, long afterId, int limit) {
        List<Entry> gone = new ArrayList<>();
        for (Entry e : entries(member, range)) {
            if (e.id() > afterId && gone.size() < limit) {
                entries.remove(e.id());
                gone.add(e);
            }
        }
        return gone;
    }

    /** Copies entries into a hold (once per entry); returns the hold's whole copy, by id. */
    public synchronized List<Entry> hold(String holdId, List<Entry> copy) {
        TreeMap<Long, Entry> held = holds.computeIfAbsent(holdId, h -> new TreeMap<>());
        copy.forEach(e -> held.putIfAbsent(e.id(), e));
        return List.copyOf(held.values());
    }

    /** Drops a hold's copy; returns how many entries it held. */
    public synchronized long release(String holdId) {
        TreeMap<Long, Entry> held = holds.remove(holdId);
        return held == null ? 0 : held.size();
    }

    /** Records that an erase run deleted entries of a subject. */
    public synchronized void tallyErased(String subjectKey, String run, long count) {
        erasedBySubjectKey.merge(subjectKey, count, Long::sum);
        erasedByRun.merge(run, count, Long::sum);
    }

    /** How many entries an erase run (all its attempts) deleted. */
    public synchronized long erasedInRun(String run) {
        return erasedByRun.getOrDefault(run, 0L);
    }

    /** How many entries of a subject were erased so far. */
    public synchronized long erased(String subjectKey) {
        return erasedBySubjectKey.getOrDefault(subjectKey, 0L);
    }

    private static String lower(String email) {
        return email == null ? null : Objects.requireNonNull(email).toLowerCase(Locale.ROOT);
    }
}
