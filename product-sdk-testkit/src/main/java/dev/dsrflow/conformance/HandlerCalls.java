package dev.dsrflow.conformance;

import dev.dsrflow.model.DateRange;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.SubjectRef;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The handler as one rule calls it: a call that throws, or returns null where the contract promises
 * a report, fails that rule with the call spelled out ("the 2nd erase(subject, every category,
 * every date) threw ...").
 */
final class HandlerCalls implements InvocationHandler {
    private final ProductHandler handler;
    private final ConformanceRule rule;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private HandlerCalls(ProductHandler handler, ConformanceRule rule) {
        this.handler = handler;
        this.rule = rule;
    }

    static ProductHandler wrap(ProductHandler handler, ConformanceRule rule) {
        return (ProductHandler) Proxy.newProxyInstance(
                ProductHandler.class.getClassLoader(),
                new Class<?>[] {ProductHandler.class},
                new HandlerCalls(handler, rule));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(handler, args);
        }
        int nth = calls.computeIfAbsent(method.getName(), k -> new AtomicInteger())
                .incrementAndGet();
        Object result;
        try {
            result = method.invoke(handler, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RecordingProgress.SimulatedCrash || cause instanceof ConformanceFailure) {
                throw cause;
            }
            throw rule.broken(call(nth, method, args) + " threw " + describe(cause), cause);
        }
        if (result == null && method.getReturnType() != void.class) {
            throw rule.broken(call(nth, method, args) + " returned null", null);
        }
        return result;
    }

    private static String call(int nth, Method method, Object[] args) {
        List<String> shown = new ArrayList<>();
        for (Object arg : args == null ? new Object[0] : args) {
            shown.add(describeArgument(arg));
        }
        return "the " + ordinal(nth) + " call " + method.getName() + "(" + String.join(", ", shown) + ")";
    }

    private static String describeArgument(Object arg) {
        if (arg instanceof SubjectRef ref) {
            return KitSubject.describe(ref);
        }
        if (arg instanceof ProductScope scope) {
            return describe(scope);
        }
        if (arg instanceof RecordingProgress progress) {
            return progress.resumeFrom()
                    .map(c -> "progress resuming from '" + c + "'")
                    .orElse("fresh progress");
        }
        if (arg instanceof String s) {
            return "'" + s + "'";
        }
        if (arg instanceof Enum<?> e) {
            return e.name();
        }
        return arg == null ? "null" : arg.getClass().getSimpleName();
    }

    /** A scope in words: "categories [PURCHASES], dates [2022-01-01T00:00:00Z, 2024-01-01T00:00:00Z)". */
    static String describe(ProductScope scope) {
        String categories =
                scope.categories().isEmpty() ? "every category" : "categories " + new TreeSet<>(scope.categories());
        DateRange range = scope.dateRange();
        String dates = range.from() == null && range.to() == null
                ? "every date"
                : "dates [" + (range.from() == null ? "-inf" : range.from()) + ", "
                        + (range.to() == null ? "+inf" : range.to()) + ")";
        return categories + ", " + dates;
    }

    /** An exception in words: its type and message. */
    static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "1st";
            case 2 -> "2nd";
            case 3 -> "3rd";
            default -> n + "th";
        };
    }
}
