package dev.dsrflow.demo;

import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportSink;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.VerificationReport;

/**
 * A deliberately broken fixture: the messaging handler with an erase that ignores the date
 * range (it erases everything in the categories in scope). Not a test by itself: the name
 * keeps Surefire away; {@link ConformanceKitCatchesBrokenHandlersTest} runs it on purpose.
 */
class MessagingWithDateBlindErase extends DemoProductConformance {
  MessagingWithDateBlindErase() {
    super("messaging");
  }

  @Override
  public ProductHandler handler() {
    return new DateBlindErase(super.handler());
  }

  /** Delegates everything, but widens erase's date range to all time. */
  private record DateBlindErase(ProductHandler real) implements ProductHandler {
    @Override
    public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
      return real.erase(subject, new ProductScope(scope.categories(), null), progress);
    }

    @Override
    public ProductDescriptor descriptor() {
      return real.descriptor();
    }

    @Override
    public Inventory locate(SubjectRef subject, ProductScope scope) {
      return real.locate(subject, scope);
    }

    @Override
    public ExportManifest export(SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink,
        Progress progress) {
      return real.export(subject, scope, format, sink, progress);
    }

    @Override
    public long restrict(SubjectRef subject, ProductScope scope) {
      return real.restrict(subject, scope);
    }

    @Override
    public long unrestrict(SubjectRef subject, ProductScope scope) {
      return real.unrestrict(subject, scope);
    }

    @Override
    public VerificationReport verifyErased(SubjectRef subject, ProductScope scope) {
      return real.verifyErased(subject, scope);
    }

    @Override
    public PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId) {
      return real.preserve(subject, scope, holdId);
    }

    @Override
    public long release(SubjectRef subject, String holdId) {
      return real.release(subject, holdId);
    }
  }
}
