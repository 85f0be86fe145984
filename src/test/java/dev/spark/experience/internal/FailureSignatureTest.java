package dev.spark.experience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureSignatureTest {

    private static String keyErrorOn(String column) {
        return """
                Traceback (most recent call last):
                  File "/home/agent/task.py", line 7, in <module>
                    result = df.loc[:, '%1$s'].sum()
                  File "/usr/lib/python3.11/site-packages/pandas/core/indexing.py", line 1184, in __getitem__
                    return self._getitem_tuple(key)
                  File "/usr/lib/python3.11/site-packages/pandas/core/indexes/base.py", line 3805, in get_loc
                    raise KeyError(key) from err
                KeyError: '%1$s'
                """.formatted(column);
    }

    @Test
    void keyErrorsOnDifferentColumnsShareASignature() {
        List<String> apis = List.of("pandas.DataFrame.sum", "pandas.DataFrame.loc");
        FailureSignature price = FailureSignature.of(keyErrorOn("price"), apis).orElseThrow();
        FailureSignature total = FailureSignature.of(keyErrorOn("total_amount"), apis).orElseThrow();
        assertThat(price.signature()).isEqualTo(total.signature());
        assertThat(price.exceptionType()).isEqualTo("KeyError");
        assertThat(price.messageShape()).isEqualTo("'<str>'");
        assertThat(price.signature()).startsWith("KeyError: '<str>' @ pandas.DataFrame.");
    }

    @Test
    void chosenApiIsTheOneMentionedLast() {
        String trace = """
                Traceback (most recent call last):
                  File "main.py", line 3, in <module>
                    out = df.groupby('a').agg('sum')
                  File "/site-packages/pandas/core/groupby/generic.py", line 1432, in aggregate
                    result = op.agg()
                ValueError: No objects to concatenate
                """;
        FailureSignature s = FailureSignature.of(trace, List.of("pandas.read_csv", "pandas.DataFrame.groupby",
                "pandas.DataFrame.agg")).orElseThrow();
        assertThat(s.api()).isEqualTo("pandas.DataFrame.agg");
        assertThat(s.signature()).isEqualTo("ValueError: No objects to concatenate @ pandas.DataFrame.agg");
    }

    @Test
    void apiMentionedInTheMessage() {
        FailureSignature s = FailureSignature.of(
                "AttributeError: 'DataFrame' object has no attribute 'append'",
                List.of("pandas.read_csv", "pandas.DataFrame.append")).orElseThrow();
        assertThat(s.api()).isEqualTo("pandas.DataFrame.append");
        assertThat(s.signature()).isEqualTo("AttributeError: '<str>' object has no attribute '<str>' @ pandas.DataFrame.append");
    }

    @Test
    void firstApiWhenNoneIsMentioned() {
        FailureSignature s = FailureSignature.of("ZeroDivisionError: division by zero",
                List.of("numpy.mean", "numpy.std")).orElseThrow();
        assertThat(s.api()).isEqualTo("numpy.mean");
        assertThat(FailureSignature.of("ZeroDivisionError: division by zero", List.of()).orElseThrow().api()).isNull();
        assertThat(FailureSignature.of("ZeroDivisionError: division by zero", null).orElseThrow().signature())
                .isEqualTo("ZeroDivisionError: division by zero");
    }

    @Test
    void numpyShapesAreNormalised() {
        String trace = """
                Traceback (most recent call last):
                  File "<stdin>", line 1, in <module>
                ValueError: operands could not be broadcast together with shapes (3,4) (3, 5)\s
                """;
        FailureSignature s = FailureSignature.of(trace, List.of("numpy.add")).orElseThrow();
        assertThat(s.messageShape())
                .isEqualTo("operands could not be broadcast together with shapes (<num>,<num>) (<num>, <num>)");
        assertThat(FailureSignature.of("ValueError: cannot reshape array of size 12 into shape (5,7)", List.of())
                .orElseThrow().signature())
                .isEqualTo(FailureSignature.of("ValueError: cannot reshape array of size 30 into shape (4,4)", List.of())
                        .orElseThrow().signature());
    }

    @Test
    void sklearnMultiLineMessage() {
        String trace = """
                Traceback (most recent call last):
                  File "fit.py", line 9, in <module>
                    model.fit(X, y)
                  File "/site-packages/sklearn/utils/validation.py", line 1049, in check_array
                    raise ValueError(
                ValueError: Expected 2D array, got 1D array instead:
                array=[1. 2. 3.].
                Reshape your data either using array.reshape(-1, 1) if your data has a single feature.
                """;
        FailureSignature s = FailureSignature.of(trace,
                List.of("sklearn.linear_model.LinearRegression", "sklearn.linear_model.LinearRegression.fit"))
                .orElseThrow();
        assertThat(s.exceptionType()).isEqualTo("ValueError");
        assertThat(s.messageShape()).startsWith("Expected 2D array, got 1D array instead: array=[<num>. <num>. <num>.].");
        assertThat(s.api()).isEqualTo("sklearn.linear_model.LinearRegression.fit");
    }

    @Test
    void torchOutOfMemoryKeepsTheSimpleName() {
        String trace = """
                Traceback (most recent call last):
                  File "train.py", line 41, in <module>
                    loss = model(batch.to(device)).sum()
                torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 7.79 GiB \
                total capacity; 6.01 GiB already allocated; 3.69 MiB free)
                """;
        FailureSignature s = FailureSignature.of(trace, List.of("torch.Tensor.to", "torch.Tensor.sum")).orElseThrow();
        assertThat(s.exceptionType()).isEqualTo("OutOfMemoryError");
        assertThat(s.messageShape()).isEqualTo("CUDA out of memory. Tried to allocate <num> MiB (GPU <num>; <num> GiB "
                + "total capacity; <num> GiB already allocated; <num> MiB free)");
        assertThat(s.api()).isEqualTo("torch.Tensor.sum");
    }

    @Test
    void torchShapeMismatch() {
        FailureSignature a = FailureSignature.of(
                "RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x128 and 256x10)", List.of()).orElseThrow();
        // 64x128 is one token of digits and letters; it keeps its digits rather than guessing.
        assertThat(a.messageShape()).isEqualTo("mat1 and mat2 shapes cannot be multiplied (64x128 and 256x10)");
        FailureSignature b = FailureSignature.of(
                "RuntimeError: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
                List.of("torch.add")).orElseThrow();
        assertThat(b.signature()).isEqualTo("RuntimeError: The size of tensor a (<num>) must match the size of tensor b "
                + "(<num>) at non-singleton dimension <num> @ torch.add");
    }

    @Test
    void hexAddressesAndDoubleQuotes() {
        FailureSignature s = FailureSignature.of(
                "TypeError: <function f at 0x7f3a2c1b8e50> got \"unexpected\" keyword", List.of()).orElseThrow();
        assertThat(s.messageShape()).isEqualTo("<function f at <addr>> got '<str>' keyword");
    }

    @Test
    void lastExceptionOfAChain() {
        String trace = """
                Traceback (most recent call last):
                  File "base.py", line 3805, in get_loc
                KeyError: 'b'

                The above exception was the direct cause of the following exception:

                Traceback (most recent call last):
                  File "t.py", line 4, in <module>
                    df['b'].mean()
                KeyError: 'b'
                /site-packages/x.py:5: FutureWarning: something is deprecated
                """;
        FailureSignature s = FailureSignature.of(trace, List.of("pandas.Series.mean")).orElseThrow();
        assertThat(s.signature()).isEqualTo("KeyError: '<str>' @ pandas.Series.mean");
    }

    @Test
    void pytestOutput() {
        String out = """
                    def test_total():
                >       assert total(df) == 3
                E       AssertionError: assert 4 == 3
                E        +  where 4 = total(df)
                """;
        FailureSignature s = FailureSignature.of(out, List.of()).orElseThrow();
        assertThat(s.exceptionType()).isEqualTo("AssertionError");
        assertThat(s.messageShape()).startsWith("assert <num> == <num>");
    }

    @Test
    void messageWithoutException() {
        FailureSignature s = FailureSignature.of("Segmentation fault (core dumped)\n", List.of("numpy.dot")).orElseThrow();
        assertThat(s.exceptionType()).isEqualTo("Error");
        assertThat(s.signature()).isEqualTo("Error: Segmentation fault (core dumped) @ numpy.dot");
    }

    @Test
    void bareExceptionName() {
        FailureSignature s = FailureSignature.of("Traceback (most recent call last):\n  File \"a.py\"\nStopIteration\n",
                List.of()).orElseThrow();
        assertThat(s.exceptionType()).isEqualTo("StopIteration");
        assertThat(s.messageShape()).isEmpty();
    }

    @Test
    void apostrophesInProseAreNotQuotes() {
        FailureSignature s = FailureSignature.of("ValueError: can't convert 'abc' to float", List.of()).orElseThrow();
        assertThat(s.messageShape()).isEqualTo("can't convert '<str>' to float");
    }

    @Test
    void longMessagesAreCut() {
        FailureSignature s = FailureSignature.of("ValueError: " + "x".repeat(1000), List.of()).orElseThrow();
        assertThat(s.messageShape()).hasSize(FailureSignature.MAX_SHAPE);
    }

    @Test
    void blankOutputHasNoSignature() {
        assertThat(FailureSignature.of(null, List.of())).isEqualTo(Optional.empty());
        assertThat(FailureSignature.of("  \n\t", List.of("numpy.dot"))).isEmpty();
    }
}
