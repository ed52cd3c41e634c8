package dev.dsrflow.workflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.demo.ErasureLogEntry;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.LegalProcessKind;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestSpec;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.Renewal;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.demo.HeldErasures.ActiveHold;
import dev.dsrflow.workflow.preservation.PreservationWorkflow;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The hold invariant on the demo products on PostgreSQL: random interleavings of
 * preservations (letters that expire or are renewed, litigation holds), deletions, releases,
 * renewals and months passing, over two subjects and three demo products, each try with fresh
 * subjects. Each hold and each deletion is filed with a random non-empty subset of its subject's
 * identifiers (user id, e-mail, phone): the demo {@code profile} product knows all three (it owns
 * identity), the three products erased know the user id alone. Checked from the demo products'
 * own records: no erased chunk in any product's erasure log falls inside an active interval of a
 * hold on that person and product, whatever identifiers either was filed with (from the
 * preservations' ledger events, see {@link HeldErasures}); and once every hold has ended, every
 * deletion completes, its subject's rows are gone from its products' tables, and each product
 * logged exactly the items it held for the subject, erased once; products no deletion named
 * erased nothing.
 */
class DemoHoldInvariantPropertyTest {
    /** The products requests name; {@code profile}, the identity product, is resolved from but never erased. */
    private static final List<String> PRODUCTS = List.of("connections", "messaging", "content");

    private static final int SUBJECTS = 2;
    private static final int ITEMS_PER_CATEGORY = 3;
    private static final RequestPolicy FAST_GRACE =
            new RequestPolicy(Duration.ofDays(2), Duration.ofDays(4), Duration.ofDays(30), Duration.ofDays(7), false);
    private static final AtomicInteger TRIES = new AtomicInteger();
    private static DemoRig rig;

    sealed interface Step permits Preserve, Delete, Release, Renew, Advance {}

    /** {@code filedWith}: which identifiers the filing carries, bits 1 user id, 2 e-mail, 4 phone (never 0). */
    record Preserve(int subject, List<String> products, boolean letter, int filedWith) implements Step {}

    record Delete(int subject, List<String> products, int filedWith) implements Step {}

    record Release(int which) implements Step {}

    record Renew(int which) implements Step {}

    record Advance(int days) implements Step {}

    private record Hold(RequestSpec spec, PreservationWorkflow workflow) {}

    private record Deletion(RequestSpec spec, DeletionWorkflow workflow) {}

    @BeforeContainer
    static void start() {
        rig = new DemoRig();
    }

    @AfterContainer
    static void stop() {
        rig.close();
    }

    @Property(tries = 6, shrinking = ShrinkingMode.OFF)
    void noEraseRunsUnderAHoldAndEveryDeletionCompletesOnceHoldsEnd(@ForAll("scenarios") List<Step> steps) {
        List<String> users = freshSubjects();
        Map<String, Long> seeded = seed(users);
        List<Hold> holds = new ArrayList<>();
        List<Deletion> deletions = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Preserve p) {
                holds.add(preserve(filed(users.get(p.subject()), p.filedWith()), p));
            } else if (step instanceof Delete d) {
                deletions.add(delete(filed(users.get(d.subject()), d.filedWith()), d));
            } else if (step instanceof Release r) {
                pick(holds, r.which())
                        .ifPresent(h -> refusable(() -> h.workflow().release(new OperatorAction("legal", "released"))));
            } else if (step instanceof Renew r) {
                pick(holds, r.which())
                        .ifPresent(h -> refusable(() -> h.workflow().renew(new Renewal("legal", null, "renewed"))));
            } else if (step instanceof Advance a) {
                rig.env.sleep(Duration.ofDays(a.days()));
            }
        }
        rig.env.sleep(Duration.ofDays(3)); // every deletion is past its grace period while the holds still stand
        for (Hold h : holds) {
            refusable(() -> h.workflow().release(new OperatorAction("legal", "all holds end")));
        }
        holds.forEach(h -> rig.finish(h.workflow()));
        for (Deletion d : deletions) {
            RequestSnapshot done = rig.finish(d.workflow());
            assertThat(done.status())
                    .as("deletion " + done.id() + " once its holds ended")
                    .isEqualTo(RequestStatus.COMPLETED);
        }

        List<ActiveHold> intervals = holds.stream()
                .map(h -> HeldErasures.activeHold(rig.ledger, h.spec(), personKeys(h.spec())))
                .toList();
        List<String> subjectKeys = users.stream()
                .flatMap(u -> TestRig.SUBJECT_KEY.all(person(u)).stream())
                .toList();
        assertThat(HeldErasures.violations(rig, PRODUCTS, subjectKeys, intervals))
                .as("erasures under an active hold")
                .isEmpty();
        for (String user : users) {
            Set<String> keys = Set.copyOf(TestRig.SUBJECT_KEY.all(person(user)));
            for (String product : PRODUCTS) {
                boolean named = deletions.stream()
                        .anyMatch(d -> keys.contains(d.spec().subjectKey())
                                && d.spec().products().contains(product));
                long erased = keys.stream()
                        .flatMap(k -> rig.product(product).erasureLog(k).stream())
                        .mapToLong(ErasureLogEntry::items)
                        .sum();
                String what = product + " for " + user;
                assertThat(rig.items(user, product))
                        .as("rows left in " + what)
                        .isEqualTo(named ? 0 : seeded.get(product));
                assertThat(erased).as("items erased by " + what).isEqualTo(named ? seeded.get(product) : 0);
            }
        }
    }

    /** The check itself catches an erase that bypasses the registry while a hold is active. */
    @Example
    void anEraseThatBypassesTheRegistryUnderAnActiveHoldIsCaught() {
        List<String> users = freshSubjects();
        seed(users);
        String user = users.get(0);
        Hold hold = preserve(filed(user, 1), new Preserve(0, List.of("messaging"), false, 1));
        rig.env.sleep(Duration.ofDays(1));
        SubjectRef rogue = new SubjectRef(
                new SubjectIdentifiers(user, null, null), hold.spec().subjectKey());
        rig.product("messaging").erase(rogue, ProductScope.EVERYTHING, Progress.none()); // a rogue erase
        rig.env.sleep(Duration.ofDays(1));
        hold.workflow().release(new OperatorAction("legal", "case closed"));
        rig.finish(hold.workflow());

        List<String> violations = HeldErasures.violations(
                rig,
                PRODUCTS,
                List.of(hold.spec().subjectKey()),
                List.of(HeldErasures.activeHold(rig.ledger, hold.spec())));
        assertThat(violations)
                .singleElement()
                .asString()
                .contains("messaging")
                .contains(hold.spec().id());
    }

    private static List<String> freshSubjects() {
        int n = TRIES.incrementAndGet();
        List<String> users = new ArrayList<>();
        for (int s = 0; s < SUBJECTS; s++) {
            users.add("prop-" + n + "-" + s);
        }
        return users;
    }

    /** The subject's three identifiers (phone numbers unique to the try, outside the seeded demo range). */
    private static SubjectIdentifiers person(String user) {
        String[] parts = user.split("-"); // prop-<try>-<subject>
        int n = Integer.parseInt(parts[1]) * 10 + Integer.parseInt(parts[2]);
        return new SubjectIdentifiers(user, user + "@example.com", String.format("+1555%07d", 9_000_000 + n));
    }

    /** The identifiers a filing carries: the subset of the subject's that {@code filedWith}'s bits name. */
    private static SubjectIdentifiers filed(String user, int filedWith) {
        SubjectIdentifiers all = person(user);
        return new SubjectIdentifiers(
                (filedWith & 1) != 0 ? all.userId() : null,
                (filedWith & 2) != 0 ? all.email() : null,
                (filedWith & 4) != 0 ? all.phone() : null);
    }

    /** Every key of the person a request was filed for. */
    private static Set<String> personKeys(RequestSpec spec) {
        return Set.copyOf(TestRig.SUBJECT_KEY.all(
                person(spec.subject().userId() != null ? spec.subject().userId() : userOf(spec.subject()))));
    }

    /** The user id of a subject filed without it: the e-mail's local part, or the phone's try and subject. */
    private static String userOf(SubjectIdentifiers filed) {
        if (filed.email() != null) {
            return filed.email().substring(0, filed.email().indexOf('@'));
        }
        int n = Integer.parseInt(filed.phone().substring(5)) - 9_000_000;
        return "prop-" + n / 10 + "-" + n % 10;
    }

    /**
     * Gives every subject {@link #ITEMS_PER_CATEGORY} items in every category of every product; returns per
     * product. The identity product ({@code profile}) knows each subject by all three identifiers, the others by
     * the user id alone.
     */
    private static Map<String, Long> seed(List<String> users) {
        Map<String, Long> perSubject = new HashMap<>();
        Instant created = Instant.parse("2025-03-01T00:00:00Z");
        for (String user : users) {
            rig.product("profile").addItems(person(user), InformationCategory.PROFILE, List.of(created));
        }
        for (String product : PRODUCTS) {
            for (InformationCategory category :
                    rig.product(product).descriptor().categories()) {
                for (String user : users) {
                    rig.product(product)
                            .addItems(
                                    new SubjectIdentifiers(user, null, null),
                                    category,
                                    java.util.Collections.nCopies(ITEMS_PER_CATEGORY, created));
                }
                perSubject.merge(product, (long) ITEMS_PER_CATEGORY, Long::sum);
            }
        }
        return perSubject;
    }

    private static Hold preserve(SubjectIdentifiers filed, Preserve p) {
        LegalProcess process = p.letter()
                ? new LegalProcess(LegalProcessKind.PRESERVATION_LETTER, "letter", "FBI", null)
                : new LegalProcess(LegalProcessKind.LITIGATION_HOLD, "lit", "Counsel", null);
        RequestSpec spec = rig.spec(RequestType.PRESERVATION, filed, p.products(), process, FAST_GRACE);
        PreservationWorkflow wf = rig.start(PreservationWorkflow.class, spec);
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("legal2", null));
        rig.await(wf, v -> v.status() == RequestStatus.ACTIVE);
        return new Hold(spec, wf);
    }

    private static Deletion delete(SubjectIdentifiers filed, Delete d) {
        RequestSpec spec = rig.spec(RequestType.DELETION, filed, d.products(), null, FAST_GRACE);
        DeletionWorkflow wf = rig.start(DeletionWorkflow.class, spec);
        rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
        wf.approve(new OperatorAction("ops2", null));
        return new Deletion(spec, wf);
    }

    private static <T> Optional<T> pick(List<T> list, int which) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(which % list.size()));
    }

    /** Runs an operator action that the request's state may refuse (or that hits a finished request). */
    private static void refusable(Runnable action) {
        try {
            action.run();
        } catch (WorkflowUpdateException | WorkflowNotFoundException refused) {
            // refused by a validator or already over: both are legitimate outcomes here
        }
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<List<String>> products = Arbitraries.of(PRODUCTS)
                .set()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(s -> PRODUCTS.stream().filter(s::contains).toList());
        Arbitrary<Integer> subject = Arbitraries.integers().between(0, SUBJECTS - 1);
        Arbitrary<Integer> filedWith = Arbitraries.integers().between(1, 7); // a non-empty subset of the three
        Arbitrary<Step> preserve = Combinators.combine(subject, products, Arbitraries.of(true, false), filedWith)
                .as(Preserve::new);
        Arbitrary<Step> delete =
                Combinators.combine(subject, products, filedWith).as(Delete::new);
        Arbitrary<Step> release = Arbitraries.integers().between(0, 5).map(Release::new);
        Arbitrary<Step> renew = Arbitraries.integers().between(0, 5).map(Renew::new);
        Arbitrary<Step> advance = Arbitraries.integers().between(1, 100).map(Advance::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(3, preserve),
                        Tuple.of(3, delete),
                        Tuple.of(1, release),
                        Tuple.of(1, renew),
                        Tuple.of(2, advance))
                .list()
                .ofMinSize(3)
                .ofMaxSize(9);
    }
}
