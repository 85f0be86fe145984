package dev.spark.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How the learning-curve evaluation splits DS-1000 into test problems and a training stream, for one seed.
 *
 * <p>Problems form perturbation groups (an {@code Origin} and the variants derived from it). In every group with at
 * least one variant, one variant, chosen by the seed, is the group's <em>test problem</em>: it is asked after each
 * epoch and never recorded, rated or used as noise. The other members form the training stream, in rounds: round 1
 * holds the {@code Origin}s (the single epoch of the Memory Sharing experiment), each later round one more member of
 * every group that has one left, in an order the seed shuffles. Groups without a variant only train.
 */
public final class LearningProtocol {

    /** A group's members, its test problem (null when the group has no variant) and its training members in order. */
    public record Group(String key, Ds1000Problem test, List<Ds1000Problem> training) {
    }

    /** The split for one seed. */
    public record Split(long seed, List<Group> groups, List<Ds1000Problem> tests, List<List<Ds1000Problem>> rounds) {

        /** The training problems of rounds 1..{@code epoch} (all rounds once the epoch passes the last one). */
        public List<Ds1000Problem> trainingUpTo(int epoch) {
            List<Ds1000Problem> out = new ArrayList<>();
            for (int r = 0; r < Math.min(epoch, rounds.size()); r++) {
                out.addAll(rounds.get(r));
            }
            return out;
        }

        /** Every problem that is ever trained on. */
        public List<Ds1000Problem> allTraining() {
            return trainingUpTo(rounds.size());
        }
    }

    private LearningProtocol() {
    }

    public static Split split(List<Ds1000Problem> problems, long seed) {
        Map<Integer, Integer> origins = Ds1000Reader.originIds(problems);
        Map<String, List<Ds1000Problem>> members = new LinkedHashMap<>();
        for (Ds1000Problem p : problems) {
            members.computeIfAbsent(p.library() + "#" + origins.get(p.problemId()), k -> new ArrayList<>()).add(p);
        }
        Random random = new Random(seed);
        List<Group> groups = new ArrayList<>();
        List<Ds1000Problem> tests = new ArrayList<>();
        for (Map.Entry<String, List<Ds1000Problem>> e : members.entrySet()) {
            List<Ds1000Problem> group = new ArrayList<>(e.getValue());
            group.sort(Comparator.comparingInt(Ds1000Problem::problemId));
            List<Ds1000Problem> variants = group.stream().filter(p -> !p.isOrigin()).toList();
            Ds1000Problem test = variants.isEmpty() ? null : variants.get(random.nextInt(variants.size()));
            List<Ds1000Problem> originsFirst = new ArrayList<>(group.stream().filter(Ds1000Problem::isOrigin).toList());
            List<Ds1000Problem> rest = new ArrayList<>(group.stream().filter(p -> !p.isOrigin() && p != test).toList());
            java.util.Collections.shuffle(rest, random);
            originsFirst.addAll(rest);
            groups.add(new Group(e.getKey(), test, List.copyOf(originsFirst)));
            if (test != null) {
                tests.add(test);
            }
        }
        List<List<Ds1000Problem>> rounds = new ArrayList<>();
        for (int r = 0; ; r++) {
            List<Ds1000Problem> round = new ArrayList<>();
            for (Group g : groups) {
                if (r < g.training().size()) {
                    round.add(g.training().get(r));
                }
            }
            if (round.isEmpty()) {
                break;
            }
            java.util.Collections.shuffle(round, random);
            rounds.add(List.copyOf(round));
        }
        return new Split(seed, List.copyOf(groups), List.copyOf(tests), List.copyOf(rounds));
    }
}
