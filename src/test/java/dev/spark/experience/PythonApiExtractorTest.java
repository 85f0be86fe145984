package dev.spark.experience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PythonApiExtractorTest {

    private final PythonApiExtractor extractor = new PythonApiExtractor();

    private Set<String> extract(String code, String... hints) {
        return extractor.extract(code, List.of(hints));
    }

    @Nested
    class ModulesAndImports {

        @Test
        void resolvesImportAliases() {
            assertThat(extract("import pandas as pd\ndf = pd.read_csv('x.csv')")).contains("pandas.read_csv");
            assertThat(extract("import numpy as np; np.linalg.norm(x)")).containsExactly("numpy.linalg.norm");
            assertThat(extract("import tensorflow as tf\ny = tf.reduce_sum(x)")).containsExactly("tensorflow.reduce_sum");
            assertThat(extract("import matplotlib.pyplot as plt\nplt.plot(x, y)")).containsExactly("matplotlib.pyplot.plot");
        }

        @Test
        void resolvesFromImports() {
            assertThat(extract("from sklearn.linear_model import LogisticRegression\nclf = LogisticRegression()"))
                    .containsExactly("sklearn.linear_model.LogisticRegression");
            assertThat(extract("from scipy import stats\np = stats.ttest_ind(a, b)")).containsExactly("scipy.stats.ttest_ind");
            assertThat(extract("from scipy.stats import rankdata as rd\nr = rd(a)")).containsExactly("scipy.stats.rankdata");
            assertThat(extract("from sklearn.preprocessing import (\n    MinMaxScaler,\n    StandardScaler as SS,\n)\nSS()"))
                    .containsExactly("sklearn.preprocessing.StandardScaler");
        }

        @Test
        void resolvesFullModulePaths() {
            assertThat(extract("import torch\np = torch.nn.functional.softmax(x, dim=1)"))
                    .containsExactly("torch.nn.functional.softmax");
            assertThat(extract("import scipy.spatial\nd = scipy.spatial.distance.cdist(a, b)"))
                    .containsExactly("scipy.spatial.distance.cdist");
            assertThat(extract("import os\nos.path.join('a', 'b')")).containsExactly("os.path.join");
        }

        @Test
        void resolvesCustomaryAliasesWithoutImports() {
            assertThat(extract("pd.concat([a, b])")).containsExactly("pandas.concat");
            assertThat(extract("x = np.zeros(3)")).containsExactly("numpy.zeros");
            assertThat(extract("plt.show()")).containsExactly("matplotlib.pyplot.show");
            assertThat(extract("tf.constant([1])")).containsExactly("tensorflow.constant");
            assertThat(extract("sns.heatmap(m)")).containsExactly("seaborn.heatmap");
            assertThat(extract("sp.sparse.csr_matrix(m)")).containsExactly("scipy.sparse.csr_matrix");
            assertThat(extract("import torch\ny = F.relu(x)\nlayer = nn.Linear(3, 4)"))
                    .containsExactly("torch.nn.Linear", "torch.nn.functional.relu");
        }

        @Test
        void reportsReferencesWithoutCalls() {
            assertThat(extract("import numpy as np\nif x is np.nan: y = a[:, np.newaxis]"))
                    .containsExactly("numpy.nan", "numpy.newaxis");
            assertThat(extract("from scipy import integrate\nareas = df.expanding().apply(integrate.simpson)", "pandas"))
                    .contains("scipy.integrate.simpson");
            assertThat(extract("import numpy as np\nnp")).isEmpty();
        }

        @Test
        void torchShortAliasesNeedTorch() {
            // F and nn are everyday variable names outside PyTorch code.
            assertThat(extract("F = dict(zip(names, ids))\nF.update(extra)", "pandas")).isEmpty();
            assertThat(extract("F.keys()")).isEmpty();
            assertThat(extract("y = F.softmax(x)", "pytorch")).containsExactly("torch.nn.functional.softmax");
        }

        @Test
        void localNamesHideCustomaryAliases() {
            assertThat(extract("import torch\nfor F in frames:\n    F = load(F)\n    F.close()")).isEmpty();
            assertThat(extract("import torch\ndef f(nn):\n    return nn.size")).isEmpty();
        }
    }

    @Nested
    class Pandas {

        @Test
        void frameMethodsOnConventionalNames() {
            assertThat(extract("import pandas as pd\nr = df.groupby('a').size()"))
                    .contains("pandas.DataFrame.groupby");
            assertThat(extract("df1.merge(df_right, on='k')", "pandas")).containsExactly("pandas.DataFrame.merge");
            assertThat(extract("sales_df.iloc[0]", "pandas")).containsExactly("pandas.DataFrame.iloc");
        }

        @Test
        void conventionsNeedPandasInPlay() {
            assertThat(extract("df.groupby('a')")).isEmpty();
            assertThat(extract("df.groupby('a')", "numpy")).isEmpty();
            assertThat(extract("df.groupby('a')", "Pandas")).containsExactly("pandas.DataFrame.groupby");
        }

        @Test
        void columnAccessGivesSeries() {
            assertThat(extract("import pandas as pd\ndf['a'].apply(f)")).containsExactly("pandas.Series.apply");
            assertThat(extract("import pandas as pd\ndf.price.apply(f)")).containsExactly("pandas.Series.apply");
            assertThat(extract("import pandas as pd\ndf[['a', 'b']].apply(f)")).containsExactly("pandas.DataFrame.apply");
        }

        @Test
        void accessors() {
            assertThat(extract("s.str.contains('x')", "pandas")).containsExactly("pandas.Series.str.contains");
            assertThat(extract("df['d'].dt.strftime('%Y')", "pandas")).containsExactly("pandas.Series.dt.strftime");
            assertThat(extract("df['email'].str.lower().str.strip()", "pandas"))
                    .containsExactly("pandas.Series.str.lower", "pandas.Series.str.strip");
        }

        @Test
        void variablesTypedByWhatIsAssigned() {
            String code = """
                    import pandas as pd
                    sales = pd.read_csv("sales.csv")
                    totals = sales.pivot_table(index="region", values="amount")
                    ids = pd.Series([1, 2, 3])
                    ids.map(str)
                    """;
            assertThat(extract(code)).containsExactly("pandas.DataFrame.pivot_table", "pandas.Series",
                    "pandas.Series.map", "pandas.read_csv");
        }

        @Test
        void chainsResolveLaterLinksAgainstTheFrame() {
            assertThat(extract("import pandas as pd\nout = df.groupby('a').agg('sum').reset_index()"))
                    .containsExactly("pandas.DataFrame.agg", "pandas.DataFrame.groupby", "pandas.DataFrame.reset_index");
            assertThat(extract("""
                    def summarise(stores_df):
                        return stores_df.pivot(index='day', columns='store').fillna(0).cumsum().tail(3)
                    weekly = summarise(df.dropna())
                    """, "pandas")).containsExactly("pandas.DataFrame.cumsum", "pandas.DataFrame.dropna",
                    "pandas.DataFrame.fillna", "pandas.DataFrame.pivot", "pandas.DataFrame.tail");
        }

        @Test
        void frameAttributes() {
            assertThat(extract("import pandas as pd\nn = len(df.columns)\nv = df.values.ravel()\nd = df.index.duplicated()"))
                    .containsExactly("numpy.ndarray.ravel", "pandas.DataFrame.columns", "pandas.DataFrame.index",
                            "pandas.DataFrame.values", "pandas.Index.duplicated");
        }

        @Test
        void unknownColumnsAreNotApis() {
            assertThat(extract("import pandas as pd\ndf.weight = pd.to_numeric(df.weight)"))
                    .containsExactly("pandas.to_numeric");
        }
    }

    @Nested
    class ArraysAndTensors {

        @Test
        void numpyArraysFromConstructors() {
            assertThat(extract("import numpy as np\na = np.array([[1, 2], [3, 4]])\nb = a.reshape(-1)\nn = a.shape[0]"))
                    .containsExactly("numpy.array", "numpy.ndarray.reshape", "numpy.ndarray.shape");
            assertThat(extract("import numpy as np\nr = np.round(x * 10).astype(np.int64)"))
                    .containsExactly("numpy.int64", "numpy.ndarray.astype", "numpy.round");
        }

        @Test
        void untypedVariablesAreNotGuessed() {
            assertThat(extract("import numpy as np\nb = a.reshape(-1)")).isEmpty();
        }

        @Test
        void arithmeticKeepsTheType() {
            assertThat(extract("import numpy as np\na = np.arange(6) * 2\na.sum()"))
                    .containsExactly("numpy.arange", "numpy.ndarray.sum");
        }

        @Test
        void torchTensors() {
            assertThat(extract("import torch\nt = torch.tensor([1, 2])\nv = t.view(-1, 1)"))
                    .containsExactly("torch.Tensor.view", "torch.tensor");
            assertThat(extract("import torch\nimg = torch.from_numpy(pixels).float().permute(2, 0, 1)"))
                    .containsExactly("torch.Tensor.float", "torch.Tensor.permute", "torch.from_numpy");
        }

        @Test
        void parameterDefaultsCarryTheirType() {
            String code = """
                    import numpy as np
                    example_a = np.arange(4)
                    def f(a = example_a):
                        return a.reshape(2, 2)
                    """;
            assertThat(extract(code)).containsExactly("numpy.arange", "numpy.ndarray.reshape");
        }

        @Test
        void sparseMatrices() {
            String code = """
                    from scipy import sparse
                    top = sparse.lil_matrix((2, 5))
                    stacked = sparse.vstack([top, top]).tocsr()
                    stacked.toarray().mean()
                    """;
            assertThat(extract(code)).containsExactly("numpy.ndarray.mean", "scipy.sparse.csr_matrix.toarray",
                    "scipy.sparse.csr_matrix.tocsr", "scipy.sparse.lil_matrix", "scipy.sparse.vstack");
        }
    }

    @Nested
    class ClassesAndPlots {

        @Test
        void estimatorInstances() {
            String code = """
                    from sklearn.ensemble import GradientBoostingClassifier
                    clf = GradientBoostingClassifier(max_depth=3)
                    probabilities = clf.fit(X_train, y_train).predict_proba(X_val)
                    print(clf.classes_)
                    """;
            assertThat(extract(code)).containsExactly("sklearn.ensemble.GradientBoostingClassifier",
                    "sklearn.ensemble.GradientBoostingClassifier.classes_",
                    "sklearn.ensemble.GradientBoostingClassifier.fit",
                    "sklearn.ensemble.GradientBoostingClassifier.predict_proba");
        }

        @Test
        void subplotsGiveFigureAndAxes() {
            assertThat(extract("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot(x)\nfig.savefig('a')"))
                    .containsExactly("matplotlib.axes.Axes.plot", "matplotlib.figure.Figure.savefig",
                            "matplotlib.pyplot.subplots");
            assertThat(extract("fig, (left, ax2) = plt.subplots(1, 2)\nax2.set_xlabel('t')\nleft.grid()"))
                    .containsExactly("matplotlib.axes.Axes.set_xlabel", "matplotlib.pyplot.subplots");
        }
    }

    @Nested
    class WhatIsIgnored {

        @Test
        void builtinsAndLocalFunctions() {
            assertThat(extract("print(len(range(3)))\nx = list(dict(a=1).items())\ndef g(v):\n    return v\ng(1)"))
                    .isEmpty();
        }

        @Test
        void stringsAndComments() {
            String code = """
                    import numpy as np
                    # np.linalg.inv(m) would be slower
                    s = "np.zeros(3)"
                    t = 'pd.read_csv(x)'
                    doc = \"\"\"
                    np.ones(2) in a docstring
                    \"\"\"
                    u = '''np.eye(2)'''
                    v = f"{np.pi}"
                    w = r'np.full\\'s'
                    np.sqrt(2)  # np.cbrt(2)
                    """;
            assertThat(extract(code)).containsExactly("numpy.sqrt");
        }

        @Test
        void emptyAndNullInput() {
            assertThat(extractor.extract(null, null)).isEmpty();
            assertThat(extractor.extract("   ", List.of())).isEmpty();
            assertThat(extractor.extract("np.zeros(1)", null)).containsExactly("numpy.zeros");
        }

        @Test
        void brokenCodeStillYieldsWhatItCan() {
            assertThat(extract("import numpy as np\nx = np.array([1, 2\ny = np.mean(x")).contains("numpy.array");
            assertThat(extract("'unterminated\nnp.zeros(1)")).containsExactly("numpy.zeros");
        }
    }

    /** Problems in the style of DS-1000 (set-up code, then a solution), written for these tests. */
    @Nested
    class Ds1000StyleSnippets {

        @Test
        void pandasProblem() {
            String code = """
                    import pandas as pd
                    orders = pd.DataFrame({'customer': ['ann', 'bob', 'ann'], 'qty': [2, 1, 5], 'price': [3.5, 9.0, 1.25]})
                    def spend(df):
                        df['total'] = df['qty'] * df['price']
                        return df.groupby('customer')['total'].sum().sort_values(ascending=False).head(1)
                    result = spend(orders.copy())
                    """;
            // After groupby the receiver is unknown: sum resolves against the frame, and a frame's sum is a series.
            assertThat(extract(code, "pandas")).containsExactly("pandas.DataFrame", "pandas.DataFrame.copy",
                    "pandas.DataFrame.groupby", "pandas.DataFrame.sum", "pandas.Series.head",
                    "pandas.Series.sort_values");
        }

        @Test
        void numpyProblem() {
            String code = """
                    import numpy as np
                    grid = np.eye(4) * np.arange(4)
                    peaks = np.argwhere(grid == grid.max())
                    result = peaks.T.tolist()
                    """;
            assertThat(extract(code, "numpy")).containsExactly("numpy.arange", "numpy.argwhere", "numpy.eye",
                    "numpy.ndarray.T", "numpy.ndarray.max", "numpy.ndarray.tolist");
        }

        @Test
        void sklearnProblem() {
            String code = """
                    import pandas as pd
                    from sklearn.preprocessing import OneHotEncoder
                    enc = OneHotEncoder(handle_unknown='ignore', sparse_output=False)
                    codes = pd.DataFrame(enc.fit_transform(df[['city']]), columns=enc.get_feature_names_out())
                    df_out = pd.concat([df.drop(columns='city'), codes], axis=1)
                    """;
            assertThat(extract(code, "sklearn")).containsExactly("pandas.DataFrame", "pandas.DataFrame.drop",
                    "pandas.concat", "sklearn.preprocessing.OneHotEncoder",
                    "sklearn.preprocessing.OneHotEncoder.fit_transform",
                    "sklearn.preprocessing.OneHotEncoder.get_feature_names_out");
        }

        @Test
        void tensorflowProblem() {
            String code = """
                    import tensorflow as tf
                    lengths = tf.constant([3, 1, 4])
                    def padding_mask(lengths):
                        return tf.cast(tf.sequence_mask(lengths, maxlen=6), tf.int32)
                    result = padding_mask(lengths)
                    """;
            assertThat(extract(code, "tensorflow")).containsExactly("tensorflow.cast", "tensorflow.constant",
                    "tensorflow.int32", "tensorflow.sequence_mask");
        }

        @Test
        void pytorchProblem() {
            String code = """
                    import torch
                    scores = torch.randn(5, 3)
                    best = scores.softmax(dim=1).argmax(dim=1)
                    result = torch.stack([best, best]).numpy()
                    """;
            assertThat(extract(code, "pytorch")).containsExactly("torch.Tensor.argmax", "torch.Tensor.numpy",
                    "torch.Tensor.softmax", "torch.randn", "torch.stack");
        }
    }
}
