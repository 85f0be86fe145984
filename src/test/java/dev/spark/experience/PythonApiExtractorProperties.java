package dev.spark.experience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PythonApiExtractorProperties {

    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    private static final Pattern IMPORTED = Pattern.compile("\\b(?:import|from)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> LIBRARIES = Set.of(
            "pandas", "numpy", "matplotlib", "tensorflow", "seaborn", "scipy", "torch", "sklearn");

    private final PythonApiExtractor extractor = new PythonApiExtractor();

    @Property(tries = 500)
    void anyTextGivesDottedNamesOfKnownOrigin(@ForAll String text) {
        check(text, List.of("pandas"));
    }

    @Property(tries = 1000)
    void pythonLikeTextGivesDottedNamesOfKnownOrigin(@ForAll("pythonish") String code) {
        check(code, List.of("pandas", "pytorch"));
    }

    private void check(String code, List<String> hints) {
        Set<String> names = extractor.extract(code, hints);
        Set<String> roots = new HashSet<>(LIBRARIES);
        Matcher m = IMPORTED.matcher(code);
        while (m.find()) {
            roots.add(m.group(1));
        }
        for (String name : names) {
            assertThat(name).matches(DOTTED);
            assertThat(roots).contains(name.substring(0, name.indexOf('.')));
        }
    }

    /** Fragments of data-science code glued at random, so the scanner meets real structure broken in odd places. */
    @Provide
    Arbitrary<String> pythonish() {
        Arbitrary<String> piece = Arbitraries.of(
                "import numpy as np", "from sklearn.svm import SVR", "import os.path as osp", "from . import x",
                "from x import *", "import", "from", " as ", "df", "df2", "s", "pd", "np", "F", "nn", "torch", "tf",
                "plt", "fig, ax = plt.subplots()", "a = np.array([1, 2])", "t = torch.tensor(x)", ".", ".groupby(",
                ".str", ".values", ".reshape(", "(", ")", "[", "]", "{", "}", "'", "\"", "'''", "\"\"\"", "#", "\n",
                "\\\n", ";", ",", "=", "==", ":", "lambda x:", "def g(df, a=b):", "class C:", "for F in x:", "1.5e-3",
                "0x1F", "'str'", "f\"{np.pi}\"", "r'\\d'", "b'\\x00'", "    ", "\t", "é", "\u0000", "np.linalg.norm",
                "df['a'].apply(f)", "sparse.random(3, 3)", "return", "SVR().fit(X, y)");
        return piece.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }
}
