package dev.spark.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The split of the real development set: test problems are never trained on, rounds grow groups one member at a time. */
class LearningProtocolTest {

    static List<Ds1000Problem> problems;

    @BeforeAll
    static void read() throws IOException {
        problems = new Ds1000Reader().read(Path.of("../shared/data/ds1000/ds1000-dev.jsonl.gz"));
    }

    @Test
    void everyGroupWithAVariantHasOneVariantAsTestProblemThatIsNeverTrainedOn() {
        LearningProtocol.Split split = LearningProtocol.split(problems, 1);

        Set<Integer> tests = new HashSet<>();
        split.tests().forEach(t -> tests.add(t.problemId()));
        assertThat(split.tests()).allSatisfy(t -> assertThat(t.isOrigin()).isFalse());
        assertThat(split.allTraining()).noneMatch(p -> tests.contains(p.problemId()));
        assertThat(split.allTraining().size() + split.tests().size()).as("every problem is either").isEqualTo(problems.size());
        assertThat(split.allTraining()).extracting(Ds1000Problem::problemId).doesNotHaveDuplicates();
        assertThat(split.groups()).filteredOn(g -> g.test() != null).hasSize(split.tests().size());
        assertThat(split.groups()).filteredOn(g -> g.test() == null)
                .allSatisfy(g -> assertThat(g.training()).allSatisfy(p -> assertThat(p.isOrigin()).isTrue()));
    }

    @Test
    void roundOneHoldsTheOriginsAndEachLaterRoundAtMostOneMorePerGroup() {
        LearningProtocol.Split split = LearningProtocol.split(problems, 2);

        assertThat(split.rounds().get(0)).allSatisfy(p -> assertThat(p.isOrigin()).isTrue());
        assertThat(split.rounds().get(0)).hasSize((int) problems.stream().filter(Ds1000Problem::isOrigin).count());
        for (int r = 1; r < split.rounds().size(); r++) {
            assertThat(split.rounds().get(r)).allSatisfy(p -> assertThat(p.isOrigin()).isFalse());
            assertThat(split.rounds().get(r).size()).isLessThanOrEqualTo(split.rounds().get(r - 1).size());
        }
        assertThat(split.trainingUpTo(1)).hasSameSizeAs(split.rounds().get(0));
        assertThat(split.trainingUpTo(99)).hasSameSizeAs(split.allTraining());
    }

    @Test
    void theSeedChoosesTheTestProblemsAndTheSameSeedChoosesTheSame() {
        List<Integer> one = LearningProtocol.split(problems, 1).tests().stream().map(Ds1000Problem::problemId).toList();
        List<Integer> again = LearningProtocol.split(problems, 1).tests().stream().map(Ds1000Problem::problemId).toList();
        List<Integer> other = LearningProtocol.split(problems, 3).tests().stream().map(Ds1000Problem::problemId).toList();

        assertThat(again).isEqualTo(one);
        assertThat(other).hasSameSizeAs(one).isNotEqualTo(one);
    }

    @Test
    void aFailedAttemptMisspellsAMethodTheWayAgentsDoAndSaysSo() {
        LearningCurveEvaluation.FailedAttempt failed = LearningCurveEvaluation.FailedAttempt.of("result = df.groupby('a')['b'].sum()");

        assertThat(failed.code()).isEqualTo("result = df.groupbys('a')['b'].sum()");
        assertThat(failed.error()).contains("AttributeError").contains("'groupbys'");
        assertThat(LearningCurveEvaluation.FailedAttempt.of("x = 1")).isNull();
    }

    @Test
    void theShareOfUnreliableStepsIsTheConfiguredNoise() {
        for (int noise : new int[] {20, 40}) {
            for (long seed = 1; seed <= 3; seed++) {
                long seedValue = seed;
                long unreliable = problems.stream()
                        .filter(p -> LearningCurveEvaluation.draws(seedValue, 1, p.problemId()).nextDouble() * 100 < noise).count();
                assertThat((double) unreliable / problems.size()).as("noise %d%%, seed %d", noise, seed)
                        .isBetween((noise - 6) / 100.0, (noise + 6) / 100.0);
            }
        }
    }

    @Test
    void bootstrapIntervalsContainTheMeanAndNarrowWithMoreGroups() {
        Bootstrap.Estimate few = Bootstrap.of(List.of(0.0, 1.0, 0.5, 0.2), 1);
        Bootstrap.Estimate many = Bootstrap.of(java.util.stream.IntStream.range(0, 400).mapToObj(i -> (i % 5) / 4.0).toList(), 1);

        assertThat(few.mean()).isBetween(few.low(), few.high());
        assertThat(many.high() - many.low()).isLessThan(few.high() - few.low());
        assertThat(Bootstrap.of(List.of(), 1).n()).isZero();
    }
}
