package org.parvis.web;

/**
 * Thrown by request handling to answer with a {@link Problem}; the server renders it as {@code
 * application/problem+json}. Carries no stack trace: it is an answer, not a failure.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProblemException extends RuntimeException {

    private final Problem problem;

    ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
