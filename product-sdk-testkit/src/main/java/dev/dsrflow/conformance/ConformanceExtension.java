package dev.dsrflow.conformance;

import dev.dsrflow.product.ProductDescriptor;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Skips the rules a product's declaration does not call for, with the reason, and names the rule in
 * every failure, including an exception thrown outside a handler call (a hook, a null result).
 */
public final class ConformanceExtension implements ExecutionCondition, TestExecutionExceptionHandler {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<ConformanceRule> rule = rule(context);
        Optional<Object> instance = context.getTestInstance();
        if (rule.isEmpty() || instance.isEmpty() || !(instance.get() instanceof ConformanceHooks hooks)) {
            return ConditionEvaluationResult.enabled("not a conformance rule");
        }
        ProductDescriptor descriptor;
        try {
            descriptor = hooks.handler().descriptor();
        } catch (RuntimeException e) {
            return ConditionEvaluationResult.enabled("the descriptor check reports what descriptor() did");
        }
        return rule.get()
                .skipReason(descriptor)
                .map(reason ->
                        ConditionEvaluationResult.disabled("rule " + rule.get().name() + " skipped: " + reason))
                .orElseGet(() -> ConditionEvaluationResult.enabled("applies to the product's declaration"));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        Optional<ConformanceRule> rule = rule(context);
        if (rule.isEmpty() || thrown instanceof ConformanceFailure || thrown instanceof TestAbortedException) {
            throw thrown;
        }
        throw rule.get()
                .broken(
                        "the check stopped outside any handler call with " + HandlerCalls.describe(thrown)
                                + " (thrown by a hook such as seed or visibleItems, or by code reading what the"
                                + " handler returned)",
                        thrown);
    }

    private static Optional<ConformanceRule> rule(ExtensionContext context) {
        return context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, ConformanceCheck.class))
                .map(ConformanceCheck::value);
    }
}
