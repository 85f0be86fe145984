package dev.spark.experience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.StringLength;

class FailureSignatureProperties {

    @Property(tries = 500)
    void anyOutputGivesAConsistentSignature(@ForAll String output, @ForAll List<String> apis) {
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
    }

    @Property(tries = 200)
    void particularsDoNotChangeTheSignature(@ForAll @AlphaChars @NotBlank @StringLength(max = 20) String column,
            @ForAll @IntRange(min = 1, max = 100_000) int rows, @ForAll @IntRange(min = 1, max = 512) int width) {
        String trace = "Traceback (most recent call last):\n  File \"t.py\", line " + rows + ", in <module>\n"
                + "ValueError: Length of values (" + rows + ") does not match length of index (" + width
                + ") for column '" + column + "'\n";
        assertThat(FailureSignature.of(trace, List.of("pandas.DataFrame.assign")).orElseThrow().signature())
                .isEqualTo("ValueError: Length of values (<num>) does not match length of index (<num>) "
                        + "for column '<str>' @ pandas.DataFrame.assign");
    }
}
