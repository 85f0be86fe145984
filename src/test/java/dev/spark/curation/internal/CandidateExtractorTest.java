package dev.spark.curation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.experience.Outcome;
import dev.spark.experience.PendingTrace;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateExtractorTest {

    static PendingTrace success(List<String> apis, List<String> lessons) {
        return new PendingTrace("trace-s", "agent-b", "commons", "task-1", "Rows at positions", null, Outcome.SUCCESS,
                "result = df.iloc[rows]", null, null, apis, lessons, null, null, List.of(), ZonedDateTime.now());
    }

    static CurationRepository.EarlierFailure failure(List<String> apis) {
        return new CurationRepository.EarlierFailure("trace-f", "agent-a", false, 0.93,
                "Traceback (most recent call last):\n  File \"s.py\", line 4\nKeyError: '[2, 0] not in index'\n", apis,
                "KeyError: '<str>' @ pandas.DataFrame.loc");
    }

    @Test
    void aFixSaysWhatWasDroppedWhatWasAddedAndTheErrorItAvoids() {
        List<LessonCandidate> out = new CandidateExtractor(true).extract(success(List.of("pandas.DataFrame.iloc"), List.of()),
                t -> List.of(failure(List.of("pandas.DataFrame.loc"))));

        LessonCandidate fix = out.stream().filter(c -> c.kind().equals(LessonCandidate.FIX)).findFirst().orElseThrow();
        assertThat(fix.text()).isEqualTo("`pandas.DataFrame.loc` raised KeyError: '[2, 0] not in index'; `pandas.DataFrame.iloc` worked.");
        assertThat(fix.dropped()).containsExactly("pandas.DataFrame.loc");
        assertThat(fix.added()).containsExactly("pandas.DataFrame.iloc");
        assertThat(fix.avoids()).containsExactly("KeyError: '<str>' @ pandas.DataFrame.loc");
        assertThat(fix.sources()).extracting(LessonCandidate.Source::role).containsExactly("source", "failure");
    }

    @Test
    void aFailureWithTheSameApisGivesNoFixButTheNextCandidateIsTried() {
        List<LessonCandidate> out = new CandidateExtractor(false).extract(success(List.of("pandas.DataFrame.iloc"), List.of("iloc by position")),
                t -> List.of(failure(List.of("pandas.DataFrame.iloc")), failure(List.of("pandas.DataFrame.iloc", "pandas.DataFrame.loc"))));

        assertThat(out).extracting(LessonCandidate::kind).containsExactly(LessonCandidate.AGENT, LessonCandidate.FIX);
        assertThat(out.get(1).text()).startsWith("`pandas.DataFrame.loc` raised KeyError").endsWith("the code worked without it.");
    }

    @Test
    void aWorkedExampleCarriesTheTaskAndTheCodeAndScreensBoth() {
        LessonCandidate example = new CandidateExtractor(true).extract(success(List.of(), List.of()), t -> List.of()).get(0);
        assertThat(example.kind()).isEqualTo(LessonCandidate.EXAMPLE);
        assertThat(example.text()).contains("Rows at positions").contains("result = df.iloc[rows]");
        assertThat(example.screened()).containsExactly("Rows at positions", "result = df.iloc[rows]");
    }
}
