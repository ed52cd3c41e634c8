package dev.dsrflow.conformance;

/**
 * A handler broke a rule of the contract. The message names the rule, says what was observed and
 * what the contract expects, and where the SDK documentation explains the rule.
 */
public final class ConformanceFailure extends AssertionError {
    private final ConformanceRule rule;
    private final String observed;

    ConformanceFailure(ConformanceRule rule, String observed, String expected, Throwable cause) {
        super(message(rule, observed, expected), cause);
        this.rule = rule;
        this.observed = observed;
    }

    /** The rule the handler broke. */
    public ConformanceRule rule() {
        return rule;
    }

    /** What the kit observed the handler do. */
    public String observed() {
        return observed;
    }

    private static String message(ConformanceRule rule, String observed, String expected) {
        return "conformance rule " + rule.name() + " (" + rule.title() + ") broken\n"
                + "  observed: " + observed + "\n"
                + "  expected: " + expected + "\n"
                + "  see: " + rule.documentation();
    }
}
