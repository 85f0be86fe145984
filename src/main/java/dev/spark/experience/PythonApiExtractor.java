package dev.spark.experience;

import dev.spark.experience.python.TokenApiExtractor;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Finds the qualified names of the library APIs that a piece of Python code calls or refers to, such as
 * {@code pandas.read_csv}, {@code numpy.linalg.norm} or {@code pandas.DataFrame.groupby}.
 *
 * <p>This is a heuristic reading of tokens, not a Python parser: agents send fragments, notebooks cells and
 * code that does not compile, and a partial answer beats none. The rules, in order:
 * <ul>
 * <li>String literals and comments are ignored, and so is anything whose origin cannot be traced to an import, a
 *     well-known alias or a typed variable: builtins and local functions never appear in the result. Variables
 *     of unknown type are never guessed from the method called on them.</li>
 * <li>Imports bind names ({@code import numpy as np}, {@code from scipy import stats}). Without an import, the
 *     customary aliases still resolve: {@code pd, np, plt, tf, sns, sp} and the libraries' own names, and
 *     {@code F} and {@code nn} when PyTorch is in play.</li>
 * <li>A module path is reported when it is called ({@code np.linalg.norm(x)}), or when an attribute of an imported
 *     name is referred to without a call ({@code np.nan}, {@code integrate.trapz} passed as an argument).</li>
 * <li>Variables get a type from what is assigned to them: {@code pd.DataFrame(...)}, {@code pd.read_*(...)} and
 *     {@code pd.concat(...)} make frames, {@code pd.Series(...)} series, any NumPy function an {@code ndarray},
 *     {@code torch.*} functions a {@code Tensor}, a class call an instance of that class
 *     ({@code model = LogisticRegression()}, so {@code model.fit} is {@code ...LogisticRegression.fit}), and
 *     {@code fig, ax = plt.subplots()} a figure and axes, {@code scipy.sparse} constructors a
 *     {@code csr_matrix}. A parameter whose default is a typed variable ({@code def f(a=example_a)}) takes its
 *     type; other parameters and untyped assignments only hide the customary aliases ({@code F = {}}), since
 *     scopes are not tracked. When pandas is in play (imported, used, or hinted),
 *     variables conventionally named {@code df}, {@code df1}, {@code df_x}, {@code x_df} are frames and
 *     {@code s}, {@code ser}, {@code series} are series.</li>
 * <li>On frames, series, arrays and tensors only known members are reported ({@code pandas.DataFrame.groupby});
 *     an unknown attribute of a frame is a column, so {@code df.price.apply(f)} and {@code df['a'].apply(f)} give
 *     {@code pandas.Series.apply}, and {@code s.str.contains} gives {@code pandas.Series.str.contains}.</li>
 * <li>Chains follow return types where they are known (most frame methods return a frame, reductions a series,
 *     {@code .values} an {@code ndarray}). Where they are not, as after {@code groupby}, {@code loc[...]} or a
 *     library function of unknown result, later links are resolved against the main type of the library the
 *     chain started from ({@code pandas.DataFrame}, {@code numpy.ndarray}, {@code torch.Tensor}) and reported
 *     only if that type has such a member: {@code df.groupby('a').agg('sum')} gives
 *     {@code pandas.DataFrame.groupby} and {@code pandas.DataFrame.agg}.</li>
 * </ul>
 * TensorFlow names are spelled {@code tensorflow.*}, as imports resolve them. Which aliases, members and return
 * types are known is data, in {@code python/api-types.tsv}; the scanner lives in
 * {@code dev.spark.experience.python}. Instances are stateless and safe to share between threads; no input makes
 * {@link #extract} throw.
 */
public final class PythonApiExtractor {

    private final TokenApiExtractor tokens = new TokenApiExtractor();

    /**
     * The qualified APIs called or referred to in {@code code}, sorted.
     *
     * @param code         Python source or a fragment of it; null reads as empty
     * @param libraryHints libraries the code is known to be about ({@code "pandas"}, {@code "Pytorch"}...), which
     *                     switch on naming conventions such as {@code df} for frames; may be null
     * @return an unmodifiable set of dotted names, each starting with a known library or an imported module
     */
    public Set<String> extract(String code, Collection<String> libraryHints) {
        return tokens.extract(code, libraryHints);
    }

    /** A name as Python code uses it and the dotted module it stands for: {@code np} and {@code numpy}. */
    public record ModuleName(String name, String module) {
    }

    /**
     * What an import line, a library name or a customary alias refers to, read with the same tables as
     * {@link #extract}: {@code import numpy as np} gives np = numpy, {@code from sklearn.svm import SVC} gives
     * SVC = sklearn.svm.SVC, {@code pd} gives pandas, {@code scikit-learn} gives sklearn, and any other dotted
     * name stands for itself. Several import statements give several names, in order.
     *
     * @return empty for text that is neither import statements nor a dotted name; never throws
     */
    public List<ModuleName> modules(String nameOrImports) {
        return tokens.modules(nameOrImports).entrySet().stream().map(e -> new ModuleName(e.getKey(), e.getValue())).toList();
    }
}
