package dev.dsrflow.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The product-handler conformance kit: extend it in your product's tests to prove your
 * {@link dev.dsrflow.product.ProductHandler} honours the contract before it ships. It runs each
 * rule of {@link ConformanceRule} that applies to what the handler's descriptor declares
 * (capabilities, identifier kinds) and skips the others with the reason; a failure names the rule,
 * says what the handler did and what the contract expects, and points to the rule's section of
 * the SDK documentation.
 *
 * <p>To adopt it, depend on {@code dsrflow-product-sdk-testkit} in test scope and implement three
 * hooks:
 * <ul>
 *   <li>{@link #handler()}: your handler, on a real store (an embedded database is fine);
 *   <li>{@link #seed}: give a subject items of one category created at given times;
 *   <li>{@link #visibleItems}: your product's normal read (restricted items hidden).
 * </ul>
 * Tests share the store: each test uses its own fresh subjects, so seed the store once.
 */
@ExtendWith(ConformanceExtension.class)
public abstract class ProductHandlerConformanceKit
        implements LocateRules,
                ScopeRules,
                ExportRules,
                ErasureRules,
                RestrictionRules,
                PreservationRules,
                IdentityRules {}
