package dev.dsrflow.conformance;

/**
 * The product-handler conformance kit: extend it in your product's tests to prove your
 * {@link dev.dsrflow.product.ProductHandler} honours the contract before it ships. It runs
 * every rule of {@link ConformanceRule}; a failure names the rule the handler broke.
 *
 * <p>To adopt it, depend on {@code dsrflow-activities} with {@code <type>test-jar</type>} in
 * test scope and implement three hooks:
 * <ul>
 *   <li>{@link #handler()}: your handler, on a real store (an embedded database is fine);
 *   <li>{@link #seed}: give a subject items of one category created at given times;
 *   <li>{@link #visibleItems}: your product's normal read (restricted items hidden).
 * </ul>
 * Tests share the store: each test uses its own fresh subjects, so seed the store once.
 */
public abstract class ProductHandlerConformanceKit
        implements LocateRules, ExportRules, ErasureRules, RestrictionRules, PreservationRules {}
