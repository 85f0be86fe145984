package dev.spark.api;

import graphql.ExecutionResultImpl;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * The {@link GraphQlLimits} as graphql-java instrumentations (depth, complexity, aliases: checked on the parsed
 * and validated operation, before its first field runs) and a request interceptor (document size: checked before
 * the document is even parsed). Spring for GraphQL picks up every {@code Instrumentation} and
 * {@code WebGraphQlInterceptor} bean.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlLimitsConfiguration {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return LimitExceeded.abort("max-depth", "Query depth", maxDepth, depth);
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimits limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity()) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return LimitExceeded.abort("max-complexity", "Query complexity (fields selected)", maxComplexity, complexity);
            }
        };
    }

    @Bean
    MaxAliasesInstrumentation maxAliases(GraphQlLimits limits) {
        return new MaxAliasesInstrumentation(limits.maxAliases());
    }

    @Bean
    WebGraphQlInterceptor maxDocumentSize(GraphQlLimits limits) {
        return (request, chain) -> {
            int size = request.getDocument().length();
            if (size <= limits.maxDocumentSize()) {
                return chain.next(request);
            }
            var result = ExecutionResultImpl.newExecutionResult()
                    .addError(LimitExceeded.error("max-document-size", "Document size (characters)", limits.maxDocumentSize(), size))
                    .build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
        };
    }

    /** Counts aliased fields over the operation to be executed, fragments expanded, and refuses it over the limit. */
    static final class MaxAliasesInstrumentation extends SimplePerformantInstrumentation {

        private final int maxAliases;

        MaxAliasesInstrumentation(int maxAliases) {
            this.maxAliases = maxAliases;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                             InstrumentationState state) {
            ExecutionContext context = parameters.getExecutionContext();
            AtomicInteger aliases = new AtomicInteger();
            QueryTraverser.newQueryTraverser().schema(context.getGraphQLSchema()).document(context.getDocument())
                    .operationName(context.getExecutionInput().getOperationName())
                    .coercedVariables(context.getCoercedVariables()).build()
                    .visitPreOrder(new QueryVisitorStub() {
                        @Override
                        public void visitField(QueryVisitorFieldEnvironment env) {
                            if (env.getField().getAlias() != null) {
                                aliases.incrementAndGet();
                            }
                        }
                    });
            if (aliases.get() > maxAliases) {
                throw LimitExceeded.abort("max-aliases", "Aliased fields", maxAliases, aliases.get());
            }
            return SimpleInstrumentationContext.noOp();
        }
    }
}
