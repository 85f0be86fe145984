package dev.spark.experience.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.spark.experience.Texts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class FailureSignatureProperties {

    @Test
    void anyOutputGivesAConsistentSignature() {
        qt().withExamples(500).forAll(outputs(), apiLists()).checkAssert((output, apis) -> {
            FailureSignature.of(output, apis).ifPresent(s -> {
                assertThat(s.messageShape().length()).isLessThanOrEqualTo(FailureSignature.MAX_SHAPE);
                assertThat(s.exceptionType()).doesNotContain(".").isNotBlank();
                assertThat(s.signature()).isEqualTo(
                        s.exceptionType() + ": " + s.messageShape() + (s.api() != null ? " @ " + s.api() : ""));
                if (s.api() != null) {
                    assertThat(apis).contains(s.api());
                }
            });
            if (output.isBlank()) {
                assertThat(FailureSignature.of(output, apis)).isEmpty();
            }
        });
    }

    @Test
    void particularsDoNotChangeTheSignature() {
        qt().withExamples(200)
                .forAll(Texts.over(Texts.LETTERS, 1, 20), integers().between(1, 100_000), integers().between(1, 512))
                .checkAssert((column, rows, width) -> {
                    String trace = "Traceback (most recent call last):\n  File \"t.py\", line " + rows + ", in <module>\n"
                            + "ValueError: Length of values (" + rows + ") does not match length of index (" + width
                            + ") for column '" + column + "'\n";
                    assertThat(FailureSignature.of(trace, List.of("pandas.DataFrame.assign")).orElseThrow().signature())
                            .isEqualTo("ValueError: Length of values (<num>) does not match length of index (<num>) "
                                    + "for column '<str>' @ pandas.DataFrame.assign");
                });
    }

    /** Arbitrary text, or pieces of tracebacks, pytest and warning output glued in any order. */
    private static Gen<String> outputs() {
        Gen<String> piece = Generate.oneOf(
                Generate.pick(List.of(
                        "Traceback (most recent call last):\n", "  File \"t.py\", line 3, in <module>\n",
                        "    out = df.loc['x'].assign(total=1)\n", "    np.linalg.inv(m)\n", "KeyError: 'x'\n",
                        "ValueError: could not convert string to float: 'abc'\n", "E   AssertionError: 0x7f3a != 12\n",
                        "pandas.errors.ParserError: Expected 3 fields in line 5, saw 4\n",
                        "/usr/lib/x.py:12: FutureWarning: deprecated\n", "LinAlgError: Singular matrix\n",
                        "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB\n",
                        "    raise ValueError(\n", "The above exception was the direct cause of the following:\n",
                        "\n", "   ", ": ", "Error", "Exception:")),
                Texts.anyText(20));
        return Generate.oneOf(Texts.anyText(255), Texts.glued(piece, 12));
    }

    /** Arbitrary strings, or API names that the outputs above may mention. */
    private static Gen<List<String>> apiLists() {
        Gen<String> api = Generate.oneOf(Texts.anyText(30), Generate.pick(List.of(
                "pandas.DataFrame.loc", "pandas.DataFrame.assign", "numpy.linalg.inv", "torch.cuda", "T", "")));
        return lists().of(api).ofSizeBetween(0, 6);
    }
}
