package dev.spark.curation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageTyposquatsTest {

    private final PackageTyposquats typosquats = PackageTyposquats.load();

    @Test
    void namesASwappedLetterAndThePackageItImitates() {
        assertThat(typosquats.find("pip install reqeusts")).contains("reqeusts (looks like requests)");
        assertThat(typosquats.find("python -m pip install -U tensorfow==2.15")).contains("tensorfow (looks like tensorflow)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "pip install requests pandas scikit-learn",
            "pip install -r requirements.txt -c constraints.txt",
            "poetry add Flask_SQLAlchemy",
            "pip install my-own-tool",
            "pip install numpy and then restart the kernel",
            "conda install -c conda-forge xgboost"})
    void passesListedNamesOptionsAndNamesFarFromAnyPopularOne(String command) {
        assertThat(typosquats.find(command)).isEmpty();
    }

    @Test
    void countsATranspositionAsOneEdit() {
        assertThat(PackageTyposquats.distance("pandsa", "pandas")).isEqualTo(1);
        assertThat(PackageTyposquats.distance("numpy", "numpy")).isZero();
        assertThat(PackageTyposquats.distance("scikitlearn", "scikit-learn")).isEqualTo(1);
    }
}
