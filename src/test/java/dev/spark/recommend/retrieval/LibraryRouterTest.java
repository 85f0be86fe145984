package dev.spark.recommend.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibraryRouterTest {

    @Test
    void callsThroughTheCustomaryAliasRouteToNumpy() {
        assertThat(LibraryRouter.route("a = np.arange(12).reshape(3, 4)\nresult = a.sum(axis=0)").library()).contains("numpy");
    }

    @Test
    void theMostSpecialisedImportedLibraryWinsOverTheNumpyItBuildsOn() {
        String task = """
                import numpy as np
                from sklearn.preprocessing import MinMaxScaler
                a = np.array([[1, 2], [3, 4]])
                b = np.zeros(3)
                scaler = MinMaxScaler()""";
        assertThat(LibraryRouter.route(task).library()).contains("sklearn");
    }

    @Test
    void aNameBoundByAnImportCountsAsACallIntoItsLibrary() {
        // "from scipy import stats" binds stats: stats.ttest_ind is SciPy even though "scipy" appears only once
        String task = "from scipy import stats\nimport numpy as np\nx = np.random.rand(5)\nstats.ttest_ind(x, x)";
        LibraryRouter.Route route = LibraryRouter.route(task);
        assertThat(route.library()).contains("scipy");
        assertThat(route.evidence().get("scipy")).as("import 3, one call 1, the word 0.5").isEqualTo(4.5);
    }

    @Test
    void anAliasOfAnImportIsFollowed() {
        String task = "import tensorflow as tfx\nimport numpy as np\nx = tfx.constant(np.ones(3))";
        assertThat(LibraryRouter.route(task).library()).contains("tensorflow");
    }

    @Test
    void aLibraryOnlyMentionedInProseDoesNotRouteTheTask() {
        assertThat(LibraryRouter.route("How do I compute a rolling mean like pandas does?").library()).isEmpty();
    }

    @Test
    void aTaskWithoutAnyLibraryIsNotRouted() {
        assertThat(LibraryRouter.route("Reverse a linked list in place").library()).isEmpty();
    }
}
