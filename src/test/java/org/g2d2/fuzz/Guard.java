package org.g2d2.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.g2d2.core.InvalidInputException;

/**
 * Runs one fuzz input: within a time limit, counting the bytes the call allocates, and accepting
 * only a result or the project's own user error. Tallies outcomes per target for the report.
 */
final class Guard {

    static final Duration LIMIT = Duration.ofSeconds(20);

    private static final Map<String, Map<String, Integer>> OUTCOMES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> MAX_ALLOCATED = new ConcurrentHashMap<>();

    private Guard() {
    }

    /**
     * Calls {@code body}; fails on any throwable other than {@link InvalidInputException}, on a
     * call that runs past {@link #LIMIT}, or one that allocates more than {@code maxBytes}.
     */
    static void check(String target, long maxBytes, Callable<String> body) {
        assertTimeoutPreemptively(LIMIT, () -> {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = mx.getCurrentThreadAllocatedBytes();
            String outcome;
            try {
                outcome = "ok " + body.call();
            } catch (InvalidInputException e) {
                outcome = "refused: " + shape(e.getMessage());
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            MAX_ALLOCATED.computeIfAbsent(target, k -> new AtomicLong()).accumulateAndGet(allocated, Math::max);
            if (allocated > maxBytes) {
                throw new AssertionError(target + ": one input allocated " + allocated + " bytes (" + outcome
                        + "); at most " + maxBytes + " are allowed");
            }
            OUTCOMES.computeIfAbsent(target, k -> new ConcurrentHashMap<>()).merge(outcome, 1, Integer::sum);
        }, target + " ran past " + LIMIT.toSeconds() + " s");
    }

    /** A message with its file names and numbers taken out, so that outcomes of the same kind group. */
    private static String shape(String message) {
        String m = String.valueOf(message).replaceAll("'[^']*'", "'…'").replaceAll("-?\\d+(\\.\\d+)?", "#");
        return m.length() > 90 ? m.substring(0, 90) : m;
    }

    /** "target: N inputs, K distinct outcomes, max allocation M MiB" lines, for the log and RESULTS. */
    static String summary(String target) {
        Map<String, Integer> o = new TreeMap<>(OUTCOMES.getOrDefault(target, Map.of()));
        int n = o.values().stream().mapToInt(Integer::intValue).sum();
        long ok = o.entrySet().stream().filter(e -> e.getKey().startsWith("ok")).mapToLong(Map.Entry::getValue).sum();
        return String.format(java.util.Locale.ROOT, "fuzz %s: %d inputs, %d accepted, %d refused, %d distinct outcomes, "
                        + "failures 0, max allocation %.1f MiB", target, n, ok, n - ok, o.size(),
                MAX_ALLOCATED.getOrDefault(target, new AtomicLong()).get() / 1048576.0);
    }

    static Map<String, Integer> outcomes(String target) {
        return new TreeMap<>(OUTCOMES.getOrDefault(target, Map.of()));
    }
}
