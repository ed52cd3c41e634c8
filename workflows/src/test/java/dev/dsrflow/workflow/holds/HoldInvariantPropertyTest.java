package dev.dsrflow.workflow.holds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.ledger.RequestSnapshot;
import dev.dsrflow.model.Jurisdiction;
import dev.dsrflow.model.LegalProcess;
import dev.dsrflow.model.LegalProcessKind;
import dev.dsrflow.model.RequestPolicy;
import dev.dsrflow.model.RequestStatus;
import dev.dsrflow.model.RequestType;
import dev.dsrflow.workflow.OperatorAction;
import dev.dsrflow.workflow.Renewal;
import dev.dsrflow.workflow.deletion.DeletionWorkflow;
import dev.dsrflow.workflow.preservation.PreservationWorkflow;
import dev.dsrflow.workflow.testing.MemoryProduct;
import dev.dsrflow.workflow.testing.TestRig;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Random interleavings of preservations, deletions, releases, renewals and time passing (so
 * letters expire) over two subjects and three products. Checked from the products' own call
 * records: no erase ever ran while a preserved copy of a hold existed for that subject and
 * product; and once every hold has ended, every deletion completes with the data gone.
 */
class HoldInvariantPropertyTest {
  private static final List<String> PRODUCTS = List.of("alpha", "beta", "gamma");
  private static final List<String> SUBJECTS = List.of("sk-s1", "sk-s2");
  private static final RequestPolicy FAST_GRACE =
      new RequestPolicy(Duration.ofDays(2), Duration.ofDays(4), Duration.ofDays(30), Duration.ofDays(7), false);

  sealed interface Step permits Preserve, Delete, Release, Renew, Advance {}

  record Preserve(int subject, List<String> products, boolean letter) implements Step {}

  record Delete(int subject, List<String> products) implements Step {}

  record Release(int which) implements Step {}

  record Renew(int which) implements Step {}

  record Advance(int days) implements Step {}

  @Property(tries = 6, shrinking = ShrinkingMode.OFF)
  void noEraseRunsUnderAHoldAndEveryDeletionCompletesOnceHoldsEnd(@ForAll("scenarios") List<Step> steps) {
    try (TestRig rig = new TestRig(List.of(TestRig.product("alpha", true, InformationCategory.PROFILE),
        TestRig.product("beta", true, InformationCategory.CONTENT), TestRig.product("gamma", true, InformationCategory.MESSAGES)))) {
      SUBJECTS.forEach(s -> rig.products.values().forEach(p -> p.seed(s, 2)));
      List<PreservationWorkflow> holds = new ArrayList<>();
      List<DeletionWorkflow> deletions = new ArrayList<>();
      for (Step step : steps) {
        if (step instanceof Preserve p) {
          holds.add(preserve(rig, p));
        } else if (step instanceof Delete d) {
          deletions.add(delete(rig, d));
        } else if (step instanceof Release r) {
          pick(holds, r.which()).ifPresent(h -> refusable(() -> h.release(new OperatorAction("legal", "released"))));
        } else if (step instanceof Renew r) {
          pick(holds, r.which()).ifPresent(h -> refusable(() -> h.renew(new Renewal("legal", null, "renewed"))));
        } else if (step instanceof Advance a) {
          rig.env.sleep(Duration.ofDays(a.days()));
        }
      }
      rig.env.sleep(Duration.ofDays(3)); // every deletion is past its grace period while the holds still stand
      for (PreservationWorkflow h : holds) {
        refusable(() -> h.release(new OperatorAction("legal", "all holds end")));
      }
      holds.forEach(rig::finish);
      for (DeletionWorkflow d : deletions) {
        rig.finish(d);
        RequestSnapshot done = d.view();
        assertThat(done.status()).as("deletion " + done.id()).isEqualTo(RequestStatus.COMPLETED);
        done.products().forEach(p -> assertThat(rig.product(p.product()).liveRows(done.subjectKey())).isZero());
      }
      for (MemoryProduct product : rig.products.values()) {
        assertThat(product.calls("erase")).allSatisfy(c -> assertThat(c.preservedHolds())
            .as(product.descriptor().id() + " erase #" + c.seq() + " of " + c.subjectKey()).isEmpty());
      }
    }
  }

  private static PreservationWorkflow preserve(TestRig rig, Preserve p) {
    LegalProcess process = p.letter()
        ? new LegalProcess(LegalProcessKind.PRESERVATION_LETTER, "letter", "FBI", null)
        : new LegalProcess(LegalProcessKind.LITIGATION_HOLD, "lit", "Counsel", null);
    PreservationWorkflow wf = rig.start(PreservationWorkflow.class,
        rig.spec(RequestType.PRESERVATION, Jurisdiction.OTHER, SUBJECTS.get(p.subject()), p.products(), process, FAST_GRACE));
    rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
    wf.approve(new OperatorAction("legal2", null));
    rig.await(wf, v -> v.status() == RequestStatus.ACTIVE);
    return wf;
  }

  private static DeletionWorkflow delete(TestRig rig, Delete d) {
    DeletionWorkflow wf = rig.start(DeletionWorkflow.class,
        rig.spec(RequestType.DELETION, Jurisdiction.GDPR, SUBJECTS.get(d.subject()), d.products(), null, FAST_GRACE));
    rig.await(wf, v -> v.status() == RequestStatus.AWAITING_APPROVAL);
    wf.approve(new OperatorAction("ops2", null));
    return wf;
  }

  private static <T> java.util.Optional<T> pick(List<T> list, int which) {
    return list.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(list.get(which % list.size()));
  }

  /** Runs an operator action that the request's state may refuse (or that hits a finished request). */
  private static void refusable(Runnable action) {
    try {
      action.run();
    } catch (WorkflowUpdateException | io.temporal.client.WorkflowNotFoundException refused) {
      // refused by a validator or already over: both are legitimate outcomes here
    }
  }

  @Provide
  Arbitrary<List<Step>> scenarios() {
    Arbitrary<List<String>> products = Arbitraries.of(PRODUCTS).set().ofMinSize(1).ofMaxSize(3)
        .map(s -> PRODUCTS.stream().filter(s::contains).toList());
    Arbitrary<Integer> subject = Arbitraries.integers().between(0, SUBJECTS.size() - 1);
    Arbitrary<Step> preserve = Combinators.combine(subject, products, Arbitraries.of(true, false)).as(Preserve::new);
    Arbitrary<Step> delete = Combinators.combine(subject, products).as(Delete::new);
    Arbitrary<Step> release = Arbitraries.integers().between(0, 5).map(Release::new);
    Arbitrary<Step> renew = Arbitraries.integers().between(0, 5).map(Renew::new);
    Arbitrary<Step> advance = Arbitraries.integers().between(1, 100).map(Advance::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, preserve), net.jqwik.api.Tuple.of(3, delete), net.jqwik.api.Tuple.of(1, release),
            net.jqwik.api.Tuple.of(1, renew), net.jqwik.api.Tuple.of(2, advance))
        .list().ofMinSize(3).ofMaxSize(9);
  }
}
