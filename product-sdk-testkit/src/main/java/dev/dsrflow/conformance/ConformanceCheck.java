package dev.dsrflow.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/**
 * Marks a kit test as the check of one rule: the kit skips it, with the reason, when the rule does
 * not apply to the product's declaration, and turns anything it throws into a failure naming the rule.
 */
@Test
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConformanceCheck {
    ConformanceRule value();
}
