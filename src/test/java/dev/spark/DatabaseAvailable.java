package dev.spark;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips database tests in container mode when no Docker engine is reachable. */
public final class DatabaseAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabase.available()) {
            return ConditionEvaluationResult.enabled("database: " + TestDatabase.MODE);
        }
        return ConditionEvaluationResult.disabled(
                "spark.test.database=container, but no Docker engine is available: skipping database tests");
    }
}
