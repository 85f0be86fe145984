package dev.spark.recommend.retrieval;

import dev.spark.knowledge.DocHit;
import dev.spark.knowledge.DocSearch;
import dev.spark.recommend.ItemKind;
import dev.spark.recommend.RecommendProperties;
import dev.spark.recommend.RecommendationItem;
import dev.spark.recommend.internal.RecommendRepository.ExampleRow;
import dev.spark.recommend.internal.RecommendRepository.LessonRow;
import dev.spark.recommend.internal.RecommendRepository.LessonStanding;
import dev.spark.recommend.internal.RecommendRepository.PitfallRow;
import dev.spark.recommend.retrieval.Ranker.Candidate;
import dev.spark.recommend.synthesis.Snippets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns the best candidates into items to show. Every kind comes with what its items show from the statements that
 * found it (through the serving rule and the caller's spaces there): lessons, worked examples, failure patterns and
 * documentation, that found through experience's APIs included. Documentation whose content no path brought would be
 * read here, in one query (Spark's own paths leave none; the timer shows it if one does). Twice as many candidates of
 * each side (documentation, experience) as items are considered, so that one deleted since it was found leaves no hole.
 */
@Component
public class ItemHydrator {

    private final DocSearch docs;
    private final double maxExperienceShare;

    /**
     * Timer of reads after ranking, tag {@code kind} (documentation); exported at /actuator/prometheus as
     * {@code spark_recommend_items_seconds}.
     */
    public static final String TIMER = "spark.recommend.items";

    private final Timer documentationReads;

    public ItemHydrator(DocSearch docs, RecommendProperties props, MeterRegistry meters) {
        this.documentationReads = Timer.builder(TIMER).tag("kind", "documentation").description("items of one kind read after ranking")
                .register(meters);
        this.docs = docs;
        this.maxExperienceShare = props.maxExperienceShare();
    }

    /**
     * At most {@code k} items, in the order of {@code ranked}. Experience (lessons, worked examples, pitfalls)
     * takes at most {@code spark.recommend.max-experience-share} of the items while documentation is there to fill
     * the rest: however much experience accumulates, the reference pages stay in front of the agent.
     */
    public List<RecommendationItem> items(List<Candidate> ranked, int k, Evidence evidence) {
        List<Candidate> top = window(ranked, 2 * k);
        long documentation = top.stream().filter(c -> c.kind() == ItemKind.DOCUMENTATION).count();
        long experienceRoom = Math.max((long) Math.ceil(k * maxExperienceShare - 1e-9), k - documentation);
        List<String> unreadDocs = top.stream().filter(c -> c.kind() == ItemKind.DOCUMENTATION && !evidence.documents().containsKey(c.ref()))
                .map(Candidate::ref).toList();
        Map<String, DocHit> docHits = new HashMap<>(evidence.documents());
        if (!unreadDocs.isEmpty()) {
            docHits.putAll(documentationReads.record(() -> docs.documents(unreadDocs)));
        }
        Map<String, PitfallRow> pitfalls = evidence.pitfalls();

        List<RecommendationItem> items = new ArrayList<>();
        int experience = 0;
        for (Candidate c : top) {
            if (items.size() == k) {
                break;
            }
            if (c.kind() != ItemKind.DOCUMENTATION && experience >= experienceRoom) {
                continue;
            }
            RecommendationItem item = switch (c.kind()) {
                case DOCUMENTATION -> {
                    DocHit d = docHits.get(c.ref());
                    yield d == null ? null : new RecommendationItem(c.kind(), c.ref(), d.title(), d.text(), d.source(), d.docId(),
                            d.library(), d.api() == null ? List.of() : List.of(d.api()), c.score(), c.why(), true);
                }
                case LESSON -> {
                    LessonStanding standing = evidence.lessons().get(c.ref());
                    LessonRow l = standing == null ? null : standing.shown();
                    yield l == null ? null : new RecommendationItem(c.kind(), c.ref(), "Lesson (" + (l.kind() == null ? "agent" : l.kind()) + ")",
                            l.text(), "lesson:" + c.ref(), null, l.library(), l.apis(), c.score(), c.why(), l.verified());
                }
                case PITFALL -> {
                    PitfallRow p = pitfalls.get(c.ref());
                    yield p == null ? null : new RecommendationItem(c.kind(), c.ref(),
                            p.exceptionType() + " " + p.messageShape() + (p.api() == null ? "" : " with " + p.api()),
                            "Agents hit " + c.ref() + " (" + p.occurrences() + " time(s)).",
                            p.lastTraceId() == null ? "failure:" + c.ref() : "trace:" + p.lastTraceId(), null,
                            null, p.api() == null ? List.of() : List.of(p.api()), c.score(), c.why(), true);
                }
                case EXAMPLE -> {
                    ExampleRow e = evidence.examples().get(c.ref());
                    yield e == null ? null : new RecommendationItem(c.kind(), c.ref(), "Worked example: " + Snippets.firstLine(e.task(), 120),
                            e.attempt(), "trace:" + c.ref(), null, e.library(), e.apis(),
                            c.score(), c.why(), true);
                }
            };
            if (item != null) {
                items.add(item);
                experience += c.kind() == ItemKind.DOCUMENTATION ? 0 : 1;
            }
        }
        return items;
    }

    /**
     * The first {@code perKind} documentation candidates and the first {@code perKind} others, in ranked order: however
     * many lessons rank above the documentation, the documentation that is to fill its places is read too.
     */
    static List<Candidate> window(List<Candidate> ranked, int perKind) {
        List<Candidate> window = new ArrayList<>();
        int documentation = 0;
        int experience = 0;
        for (Candidate c : ranked) {
            if (documentation == perKind && experience == perKind) {
                break;
            }
            boolean isDocumentation = c.kind() == ItemKind.DOCUMENTATION;
            if (isDocumentation && documentation < perKind) {
                documentation++;
                window.add(c);
            } else if (!isDocumentation && experience < perKind) {
                experience++;
                window.add(c);
            }
        }
        return window;
    }
}
