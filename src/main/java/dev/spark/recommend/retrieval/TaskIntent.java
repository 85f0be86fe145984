package dev.spark.recommend.retrieval;

import dev.spark.experience.PythonApiExtractor;
import dev.spark.experience.TaskInput;
import dev.spark.knowledge.ApiNames;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a task is about: the libraries it names or imports (aliases such as {@code pd}, {@code np}, {@code plt},
 * {@code tf} included) and the qualified APIs its text and code call.
 */
public record TaskIntent(List<String> libraries, List<String> apis) {

    /** No intent: what the single-index recipes use, so that they stay plain baselines. */
    public static final TaskIntent NONE = new TaskIntent(List.of(), List.of());

    private static final Map<String, Pattern> LIBRARY_SIGNS = Map.of(
            "pandas", Pattern.compile("\\b(pandas|pd\\.|DataFrame|Series)\\b|\\bpd\\."),
            "numpy", Pattern.compile("\\b(numpy|ndarray)\\b|\\bnp\\."),
            "matplotlib", Pattern.compile("\\b(matplotlib|pyplot)\\b|\\bplt\\."),
            "tensorflow", Pattern.compile("\\b(tensorflow|keras)\\b|\\btf\\."),
            "pytorch", Pattern.compile("\\b(torch|pytorch)\\b"),
            "scipy", Pattern.compile("\\bscipy\\b"),
            "sklearn", Pattern.compile("\\b(sklearn|scikit-learn)\\b"));

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
        return new TaskIntent(List.copyOf(libraries), List.copyOf(apis));
    }

    public boolean concerns(String library) {
        return library != null && libraries.contains(library.toLowerCase(Locale.ROOT));
    }
}
