package dev.spark.curation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds install commands that name a package one or two typing slips away from a popular one
 * ({@code pip install reqeusts}, {@code poetry add pandsa}): typosquatted packages are a common way to get code
 * run on a developer's machine, and a lesson is the perfect place to plant the misspelling. The popular names are
 * data ({@code curation/popular-packages.txt}); a listed name is never flagged.
 */
final class PackageTyposquats {

    private static final String RESOURCE = "/curation/popular-packages.txt";
    /** pip, pip3, python -m pip, uv pip, pipx, poetry add, pipenv install, conda/mamba install. */
    private static final Pattern INSTALL = Pattern.compile(
            "(?i)\\b(?:(?:python3?\\s+-m\\s+)?pip3?|uv\\s+pip|pipx|pipenv|conda|mamba|micromamba)\\s+install\\b"
                    + "|\\b(?:poetry|uv)\\s+add\\b");
    /** Options whose value is the next word (a file, a channel, an index), not a package. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-r", "--requirement", "-c", "--constraint", "--channel",
            "-i", "--index-url", "--extra-index-url", "-e", "--editable", "-t", "--target", "--trusted-host", "-f",
            "--find-links", "--prefix", "--root", "-n", "--name", "-p", "--python", "--group", "-G");
    /** Words that end the list of packages in prose ("pip install numpy and pandas" ends at "and"). */
    private static final Set<String> PROSE = Set.of("and", "or", "then", "to", "for", "with", "first", "on", "in", "the",
            "from", "before", "after", "so", "if", "which", "that", "is", "are", "will", "again",
            "once", "inside", "into", "as", "it", "you", "your", "we", "this", "instead", "but", "also", "of", "a", "an");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]");

    private final Set<String> popular;

    private PackageTyposquats(Set<String> popular) {
        this.popular = popular;
    }

    static PackageTyposquats load() {
        try (InputStream in = PackageTyposquats.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            List<String> names = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(PackageTyposquats::canonical)
                    .forEach(names::add);
            return new PackageTyposquats(Set.copyOf(names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first installed name that imitates a popular one, with the name it imitates. */
    Optional<String> find(String text) {
        Matcher install = INSTALL.matcher(text);
        while (install.find()) {
            int lineEnd = text.indexOf('\n', install.end());
            String rest = text.substring(install.end(), lineEnd < 0 ? text.length() : lineEnd);
            for (String name : packages(rest)) {
                Optional<String> imitated = imitated(name);
                if (imitated.isPresent()) {
                    return Optional.of(name + " (looks like " + imitated.get() + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** The package names after an install command, up to the end of the command. */
    private static List<String> packages(String rest) {
        List<String> names = new ArrayList<>();
        Matcher token = TOKEN.matcher(rest);
        boolean skipNext = false;
        while (token.find()) {
            String word = token.group();
            if (skipNext) {
                skipNext = false;
                continue;
            }
            if (word.startsWith("-")) {
                skipNext = OPTIONS_WITH_VALUE.contains(word) && !word.contains("=");
                continue;
            }
            boolean last = word.matches(".*[,;:`'\")].*|.*\\.$");
            Matcher name = NAME.matcher(word.replaceAll("^[`'\"(]+", ""));
            if (!name.lookingAt() || PROSE.contains(name.group().toLowerCase(Locale.ROOT))) {
                break;
            }
            names.add(name.group());
            if (last) {
                break;
            }
        }
        return names;
    }

    /**
     * The popular name this one imitates: the whole name within one or two edits of a popular one, or, for a name
     * with a suffix ({@code matplotib-fix}), its first part within one or two edits of a popular name that it is not.
     * A suffix on a popular name itself ({@code pandas-profiling}) is an ordinary plug-in name.
     */
    private Optional<String> imitated(String name) {
        String candidate = canonical(name);
        if (popular.contains(candidate)) {
            return Optional.empty();
        }
        Optional<String> whole = near(candidate);
        if (whole.isPresent() || !candidate.contains("-")) {
            return whole;
        }
        String stem = candidate.substring(0, candidate.indexOf('-'));
        return popular.contains(stem) ? Optional.empty() : near(stem);
    }

    private Optional<String> near(String candidate) {
        if (candidate.length() < 5) {
            return Optional.empty();
        }
        int allowed = candidate.length() >= 9 ? 2 : 1;
        return popular.stream().filter(p -> Math.abs(p.length() - candidate.length()) <= allowed)
                .filter(p -> distance(candidate, p) <= allowed).sorted().findFirst();
    }

    /** PyPI's normalisation: case, and runs of '-', '_' and '.', do not matter. */
    static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
