package dev.spark.experience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.experience.PythonApiExtractor.ModuleName;
import org.junit.jupiter.api.Test;

class PythonModuleNamesTest {

    private final PythonApiExtractor python = new PythonApiExtractor();

    @Test
    void importLinesBindTheirNamesInOrder() {
        assertThat(python.modules("import numpy as np")).containsExactly(new ModuleName("np", "numpy"));
        assertThat(python.modules("import matplotlib.pyplot as plt, pandas")).containsExactly(
                new ModuleName("plt", "matplotlib.pyplot"), new ModuleName("pandas", "pandas"));
        assertThat(python.modules("from sklearn.svm import SVC\nimport torch")).containsExactly(
                new ModuleName("SVC", "sklearn.svm.SVC"), new ModuleName("torch", "torch"));
        assertThat(python.modules("from scipy import (stats as st, linalg)")).containsExactly(
                new ModuleName("st", "scipy.stats"), new ModuleName("linalg", "scipy.linalg"));
    }

    @Test
    void aliasesAndLibraryNamesAsCallersSpellThemResolveWithoutAnImport() {
        assertThat(python.modules("pd")).containsExactly(new ModuleName("pd", "pandas"));
        assertThat(python.modules(" plt ")).containsExactly(new ModuleName("plt", "matplotlib.pyplot"));
        assertThat(python.modules("np.linalg.norm")).containsExactly(new ModuleName("np.linalg.norm", "numpy.linalg.norm"));
        assertThat(python.modules("scikit-learn")).containsExactly(new ModuleName("scikit-learn", "sklearn"));
        assertThat(python.modules("Pytorch")).containsExactly(new ModuleName("Pytorch", "torch"));
        assertThat(python.modules("requests")).containsExactly(new ModuleName("requests", "requests"));
    }

    @Test
    void textThatIsNeitherANameNorAnImportResolvesToNothing() {
        assertThat(python.modules("sort a list")).isEmpty();
        assertThat(python.modules("")).isEmpty();
        assertThat(python.modules(null)).isEmpty();
        assertThat(python.modules("from . import sibling")).isEmpty();
    }
}
