package dev.spark.recommend.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.knowledge.DocHit;
import dev.spark.recommend.ItemKind;
import dev.spark.recommend.internal.RecommendRepository.LessonStanding;
import dev.spark.recommend.retrieval.Ranker.Candidate;
import dev.spark.recommend.retrieval.Ranker.Weighted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankerTest {

    private final Ranker ranker = new Ranker(60, Ranker.DocumentPriors.libraryBoostOnly(1.2));

    @Test
    void aProvenLessonFarDownTheFusedListRisesAboveTheCandidatesItOutscores() {
        // 30 documentation candidates, then a lesson at rank 31 of its own path with an equal weight: fused, it
        // ranks last; proven by 9 successes and no failure, its quality factor (1.41) lifts it past all but four
        List<Vote> docs = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            docs.add(new Vote(ItemKind.DOCUMENTATION, "doc-%02d".formatted(i), i, 1.0, "doc #" + i));
        }
        Found lessons = new Found(List.of(new Vote(ItemKind.LESSON, "lesson-proven", 31, 1.0, "lesson #31")),
                Evidence.ofLessons(List.of(new LessonStanding("lesson-proven", 10.0 / 11.0, true, null))));

        List<Candidate> ranked = ranker.rank(List.of(new Weighted(1.0, new Found(docs, Evidence.NONE)), new Weighted(1.0, lessons)),
                lessons.evidence(), TaskIntent.NONE);

        assertThat(ranked).hasSize(31);
        int position = refs(ranked).indexOf("lesson-proven");
        assertThat(position).as("last before the quality factor, fifth after it").isEqualTo(4);
        assertThat(ranked.get(position).score()).isEqualTo(1.0 / (60 + 31) * (0.5 + 10.0 / 11.0));
    }

    @Test
    void anUnverifiedLessonCountsHalfAsMuchAsAnActiveOneOfEqualTrust() {
        Found lessons = new Found(List.of(new Vote(ItemKind.LESSON, "lesson-active", 2, 1.0, "lesson #2"),
                new Vote(ItemKind.LESSON, "lesson-candidate", 1, 1.0, "lesson #1")),
                Evidence.ofLessons(List.of(new LessonStanding("lesson-active", 0.5, true, null), new LessonStanding("lesson-candidate", 0.5, false, null))));

        List<Candidate> ranked = ranker.rank(List.of(new Weighted(1.0, lessons)), lessons.evidence(), TaskIntent.NONE);

        assertThat(refs(ranked)).as("the candidate's better rank does not make up for its weight").containsExactly("lesson-active", "lesson-candidate");
        assertThat(ranked.get(1).score()).isEqualTo(1.0 / 61 * 1.0 * Ranker.UNVERIFIED_WEIGHT);
    }

    @Test
    void documentationOfTheTasksLibraryIsBoostedWhereverItRanks() {
        List<Vote> votes = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            votes.add(new Vote(ItemKind.DOCUMENTATION, "numpy-%02d".formatted(i), i, 1.0, "doc #" + i));
        }
        votes.add(new Vote(ItemKind.DOCUMENTATION, "pandas-loc", 26, 1.0, "doc #26"));
        Evidence evidence = Evidence.ofDocuments(List.of(hit("pandas-loc", "pandas"), hit("numpy-01", "numpy")));

        List<Candidate> plain = ranker.rank(List.of(new Weighted(1.0, new Found(votes, evidence))), evidence, TaskIntent.NONE);
        List<Candidate> boosted = ranker.rank(List.of(new Weighted(1.0, new Found(votes, evidence))), evidence,
                new TaskIntent(List.of("pandas"), List.of()));

        assertThat(refs(plain).indexOf("pandas-loc")).isEqualTo(25);
        assertThat(refs(boosted).indexOf("pandas-loc")).as("1.2 / 86 outscores 1 / 72 and below").isEqualTo(11);
    }

    @Test
    void tiesAreOrderedByReferenceWhicheverPathVotedFirst() {
        Found a = new Found(List.of(new Vote(ItemKind.DOCUMENTATION, "doc-b", 1, 1.0, "a")), Evidence.NONE);
        Found b = new Found(List.of(new Vote(ItemKind.DOCUMENTATION, "doc-a", 1, 1.0, "b")), Evidence.NONE);
        Found lesson = new Found(List.of(new Vote(ItemKind.LESSON, "doc-a", 1, 1.0, "c")), Evidence.NONE);

        List<Candidate> oneWay = ranker.rank(List.of(new Weighted(1.0, a), new Weighted(1.0, b), new Weighted(1.0, lesson)), Evidence.NONE, TaskIntent.NONE);
        List<Candidate> otherWay = ranker.rank(List.of(new Weighted(1.0, lesson), new Weighted(1.0, b), new Weighted(1.0, a)), Evidence.NONE, TaskIntent.NONE);

        assertThat(oneWay).extracting(c -> c.kind() + " " + c.ref())
                .containsExactly("DOCUMENTATION doc-a", "LESSON doc-a", "DOCUMENTATION doc-b");
        assertThat(otherWay).isEqualTo(oneWay);
    }

    @Test
    void votesForOneCandidateAddUpInRecipeOrderWithTheirReasons() {
        Found vector = new Found(List.of(new Vote(ItemKind.DOCUMENTATION, "doc-1", 2, 1.0, "by embedding #2")), Evidence.NONE);
        Found text = new Found(List.of(new Vote(ItemKind.DOCUMENTATION, "doc-1", 1, 1.0, "by full text #1")), Evidence.NONE);

        Candidate only = ranker.rank(List.of(new Weighted(1.0, vector), new Weighted(0.1, text)), Evidence.NONE, TaskIntent.NONE).get(0);

        assertThat(only.score()).isEqualTo(1.0 / 62 + 0.1 / 61);
        assertThat(only.why()).containsExactly("by embedding #2", "by full text #1");
    }

    private static List<String> refs(List<Candidate> ranked) {
        return ranked.stream().map(Candidate::ref).toList();
    }

    @Test
    void aPageOfTheClassTheBestPagesShareRisesAboveALonePageOfAnotherClass() {
        Ranker structured = new Ranker(60, new Ranker.DocumentPriors(1.2, 3.0, 1.2, 1.2));
        List<String> apis = List.of("pandas.DataFrame.groupby", "pandas.DataFrame.apply", "pandas.Series.map", "pandas.Index.union",
                "pandas.merge", "pandas.Series.str", "pandas.DataFrame.agg");
        List<Vote> votes = new ArrayList<>();
        List<DocHit> hits = new ArrayList<>();
        for (int i = 0; i < apis.size(); i++) {
            votes.add(new Vote(ItemKind.DOCUMENTATION, apis.get(i), i + 1, 1.0, "doc #" + (i + 1)));
            hits.add(new DocHit(apis.get(i), apis.get(i), apis.get(i), "text", apis.get(i), "pandas", null, null, 0, 0, 0));
        }
        Evidence evidence = Evidence.ofDocuments(hits);
        TaskIntent intent = new TaskIntent(List.of("pandas"), List.of());

        List<String> plain = refs(ranker.rank(List.of(new Weighted(1.0, new Found(votes, evidence))), evidence, TaskIntent.NONE));
        List<String> ranked = refs(structured.rank(List.of(new Weighted(1.0, new Found(votes, evidence))), evidence, intent));

        assertThat(plain.indexOf("pandas.DataFrame.agg")).isEqualTo(6);
        assertThat(ranked).as("two of the five best document DataFrame members").startsWith("pandas.DataFrame.groupby",
                "pandas.DataFrame.apply", "pandas.DataFrame.agg");
    }

    @Test
    void theChunksOfOnePageBecomeOneCandidateAtItsBestChunk() {
        Ranker structured = new Ranker(60, new Ranker.DocumentPriors(1.2, 3.0, 1.2, 1.0));
        List<Vote> votes = List.of(new Vote(ItemKind.DOCUMENTATION, "merge:0", 1, 1.0, "doc #1"),
                new Vote(ItemKind.DOCUMENTATION, "merge:1", 2, 1.0, "doc #2"),
                new Vote(ItemKind.DOCUMENTATION, "join:0", 3, 1.0, "doc #3"));
        Evidence evidence = Evidence.ofDocuments(List.of(
                new DocHit("merge:0", "pandas.merge", "t", "text", "pandas.merge", "pandas", null, null, 0, 0, 0),
                new DocHit("merge:1", "pandas.merge", "t", "text", "pandas.merge", "pandas", null, null, 0, 0, 0),
                new DocHit("join:0", "pandas.join", "t", "text", "pandas.DataFrame.join", "pandas", null, null, 0, 0, 0)));

        List<Candidate> ranked = structured.rank(List.of(new Weighted(1.0, new Found(votes, evidence))), evidence,
                new TaskIntent(List.of("pandas"), List.of()));

        assertThat(refs(ranked)).containsExactly("merge:0", "join:0");
        assertThat(ranked.get(0).why()).containsExactly("doc #1", "doc #2 (another part of the page)");
        assertThat(refs(ranker.rank(List.of(new Weighted(1.0, new Found(votes, evidence))), evidence, TaskIntent.NONE)))
                .as("the baselines keep every chunk").containsExactly("merge:0", "merge:1", "join:0");
    }

    private static DocHit hit(String id, String library) {
        return new DocHit(id, id, id, "text", null, library, null, "https://example.org/" + id, 0, 0, 0);
    }

}
