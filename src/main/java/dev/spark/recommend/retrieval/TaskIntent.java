package dev.spark.recommend.retrieval;

import dev.spark.experience.PythonApiExtractor;
import dev.spark.experience.TaskInput;
import dev.spark.knowledge.ApiNames;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a task is about: the libraries it names or imports (aliases such as {@code pd}, {@code np}, {@code plt},
 * {@code tf} included), the one library it is routed to ({@link LibraryRouter}; empty when nothing in it routes),
 * the qualified APIs its text and code call, and every identifier its text and code spell (so that documentation
 * of an API the task names, even without qualifying it, is recognised).
 */
public record TaskIntent(List<String> libraries, List<String> apis, Optional<String> routedLibrary, Set<String> identifiers) {

    /** No intent: what the single-index recipes use, so that they stay plain baselines. */
    public static final TaskIntent NONE = new TaskIntent(List.of(), List.of());

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public TaskIntent {
        libraries = List.copyOf(libraries);
        apis = List.copyOf(apis);
        identifiers = Set.copyOf(identifiers);
    }

    /** An intent of libraries and APIs only, neither routed nor naming anything. */
    public TaskIntent(List<String> libraries, List<String> apis) {
        this(libraries, apis, Optional.empty(), Set.of());
    }

    private static final Map<String, Pattern> LIBRARY_SIGNS = Map.of(
            "pandas", Pattern.compile("\\b(pandas|pd\\.|DataFrame|Series)\\b|\\bpd\\."),
            "numpy", Pattern.compile("\\b(numpy|ndarray)\\b|\\bnp\\."),
            "matplotlib", Pattern.compile("\\b(matplotlib|pyplot)\\b|\\bplt\\."),
            "tensorflow", Pattern.compile("\\b(tensorflow|keras)\\b|\\btf\\."),
            "pytorch", Pattern.compile("\\b(torch|pytorch)\\b"),
            "scipy", Pattern.compile("\\bscipy\\b"),
            "sklearn", Pattern.compile("\\b(sklearn|scikit-learn)\\b"));

    /** Shorter names ({@code T}, {@code at}) are too common in prose and code to say which API is meant. */
    private static final int MIN_NAMED = 3;

    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*(?:from|import)\\s+([A-Za-z_][A-Za-z0-9_]*)");

    public static TaskIntent analyse(TaskInput task, PythonApiExtractor extractor) {
        String all = task.codeAndText();
        Set<String> libraries = new LinkedHashSet<>(task.libraries());
        Matcher imports = IMPORT.matcher(all);
        while (imports.find()) {
            String library = ApiNames.library(imports.group(1));
            if (LIBRARY_SIGNS.containsKey(library)) {
                libraries.add(library);
            }
        }
        LIBRARY_SIGNS.forEach((library, sign) -> {
            if (sign.matcher(all).find()) {
                libraries.add(library);
            }
        });
        Set<String> apis = new LinkedHashSet<>();
        extractor.extract(all, libraries.stream().map(l -> l.equals("pytorch") ? "torch" : l).toList())
                .forEach(api -> apis.add(ApiNames.canonical(api)));
        Set<String> identifiers = new HashSet<>();
        Matcher words = IDENTIFIER.matcher(all);
        while (words.find()) {
            identifiers.add(words.group());
        }
        return new TaskIntent(List.copyOf(libraries), List.copyOf(apis), LibraryRouter.route(all).library(), identifiers);
    }

    /** Whether documentation of this library is what the task is about. */
    public boolean routedTo(String library) {
        return library != null && routedLibrary.filter(library.toLowerCase(Locale.ROOT)::equals).isPresent();
    }

    /** Whether the task spells this API's own name (its last segment), e.g. {@code MinMaxScaler} or {@code groupby}. */
    public boolean names(String qualifiedApi) {
        if (qualifiedApi == null) {
            return false;
        }
        String name = qualifiedApi.substring(qualifiedApi.lastIndexOf('.') + 1);
        return name.length() >= MIN_NAMED && identifiers.contains(name);
    }

    public boolean concerns(String library) {
        return library != null && libraries.contains(library.toLowerCase(Locale.ROOT));
    }
}
