package dev.spark.recommend.retrieval;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which documented library a task is about, from its text and code only: imports (with their aliases), calls through
 * the names they bind or through customary aliases ({@code np.}, {@code pd.}, {@code plt.}, {@code tf.},
 * {@code torch.}), and the names of the libraries' central types in the prose.
 *
 * <p>Most tasks touch several libraries, and the one they are about is the most specialised: NumPy is the
 * substrate of all the others, pandas and SciPy build on it, and plotting, learning and tensor libraries build on
 * those. So the routed library is, among those with at least one import or call ({@link #MIN_EVIDENCE}), the one
 * furthest downstream, ties broken by the amount of evidence. A task with no such evidence is not routed.
 */
final class LibraryRouter {

    /** An import or a call through a bound name; a word in the prose alone does not route a task. */
    static final double MIN_EVIDENCE = 1.0;

    private static final double IMPORT = 3.0;
    private static final double CALL = 1.0;
    private static final double WORD = 0.5;

    /** How far downstream of NumPy each library is. */
    private static final Map<String, Integer> LEVEL = Map.of(
            "numpy", 0, "pandas", 1, "scipy", 1, "matplotlib", 2, "sklearn", 2, "pytorch", 2, "tensorflow", 2);

    private static final Map<String, String> ROOTS = Map.of(
            "numpy", "numpy", "pandas", "pandas", "matplotlib", "matplotlib", "mpl_toolkits", "matplotlib", "scipy", "scipy",
            "sklearn", "sklearn", "torch", "pytorch", "tensorflow", "tensorflow", "keras", "tensorflow");

    private static final Map<String, String> CUSTOMARY_ALIASES = Map.of(
            "np", "numpy", "pd", "pandas", "plt", "matplotlib", "mpl", "matplotlib", "tf", "tensorflow", "torch", "pytorch",
            "scipy", "scipy", "sklearn", "sklearn", "keras", "tensorflow");

    /** Words of prose that point at a library: its name and its central types. */
    private static final Map<Pattern, String> WORDS = Map.of(
            Pattern.compile("\\b(?:pandas|DataFrame|dataframe|Series)\\b"), "pandas",
            Pattern.compile("\\b(?:numpy|ndarray)\\b"), "numpy",
            Pattern.compile("\\b(?:matplotlib|pyplot)\\b"), "matplotlib",
            Pattern.compile("\\b(?:scipy)\\b"), "scipy",
            Pattern.compile("\\b(?:sklearn|scikit-learn)\\b"), "sklearn",
            Pattern.compile("\\b(?:torch|pytorch|PyTorch)\\b"), "pytorch",
            Pattern.compile("\\b(?:tensorflow|TensorFlow|keras)\\b"), "tensorflow");

    private static final Pattern FROM_IMPORT = Pattern.compile("(?m)^\\s*from\\s+([A-Za-z_][\\w.]*)\\s+import\\s+\\(?([^\\n)]+)");
    private static final Pattern IMPORT_LINE = Pattern.compile("(?m)^\\s*import\\s+([^\\n]+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*");
    private static final Pattern CALL_SITE = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*[.(]");

    private LibraryRouter() {
    }

    /** The library the task is about, with the evidence found for each library. */
    record Route(Optional<String> library, Map<String, Double> evidence) {
    }

    static Route route(String text) {
        Map<String, Double> evidence = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>(CUSTOMARY_ALIASES);
        Matcher from = FROM_IMPORT.matcher(text);
        while (from.find()) {
            String library = ROOTS.get(root(from.group(1)));
            if (library != null) {
                evidence.merge(library, IMPORT, Double::sum);
                for (String part : from.group(2).split(",")) {
                    bind(names, part, library);
                }
            }
        }
        Matcher imports = IMPORT_LINE.matcher(text);
        while (imports.find()) {
            for (String part : imports.group(1).split(",")) {
                String[] as = part.strip().split("\\s+as\\s+");
                String library = ROOTS.get(root(as[0].strip()));
                if (library != null) {
                    evidence.merge(library, IMPORT, Double::sum);
                    names.put(root(as[0].strip()), library);
                    if (as.length == 2) {
                        bind(names, as[1], library);
                    }
                }
            }
        }
        // one pass over the text: every name followed by '.' or '(' that is not itself a member
        Matcher calls = CALL_SITE.matcher(text);
        while (calls.find()) {
            String library = names.get(calls.group(1));
            if (library != null) {
                evidence.merge(library, CALL, Double::sum);
            }
        }
        WORDS.forEach((words, library) -> {
            int n = count(words, text);
            if (n > 0) {
                evidence.merge(library, n * WORD, Double::sum);
            }
        });
        Optional<String> routed = evidence.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_EVIDENCE && LEVEL.containsKey(e.getKey()))
                .max(Map.Entry.<String, Double>comparingByKey((a, b) -> Integer.compare(LEVEL.get(a), LEVEL.get(b)))
                        .thenComparing(Map.Entry.comparingByValue())
                        .thenComparing(Map.Entry.comparingByKey((a, b) -> b.compareTo(a))))
                .map(Map.Entry::getKey);
        return new Route(routed, evidence);
    }

    private static void bind(Map<String, String> names, String part, String library) {
        String[] as = part.strip().split("\\s+as\\s+");
        Matcher name = NAME.matcher(as[as.length - 1].strip());
        if (name.lookingAt()) {
            names.put(name.group(), library);
        }
    }

    private static String root(String module) {
        int dot = module.indexOf('.');
        return dot < 0 ? module : module.substring(0, dot);
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
