package dev.spark;

import dev.spark.graph.WriteBehind;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/** Lets writes queued behind one test (stored recommendations) commit before the next test clears the graph. */
public final class FlushPendingWrites implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext context) {
        context.getApplicationContext().getBean(WriteBehind.class).flush();
    }

    @Override
    public void afterTestMethod(TestContext context) {
        context.getApplicationContext().getBean(WriteBehind.class).flush();
    }
}
