package dev.spark.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which folder of the runtime's jar holds this platform's libraries (the names are ONNX Runtime's). */
class OnnxNativeLibrariesTest {

    @Test
    void namesThePlatformsTheRuntimeShipsLibrariesFor() {
        assertThat(OnnxNativeLibraries.platform("Linux", "amd64")).isEqualTo("linux-x64");
        assertThat(OnnxNativeLibraries.platform("Linux", "aarch64")).isEqualTo("linux-aarch64");
        assertThat(OnnxNativeLibraries.platform("Mac OS X", "aarch64")).isEqualTo("osx-aarch64");
        assertThat(OnnxNativeLibraries.platform("Mac OS X", "x86_64")).isEqualTo("osx-x64");
        assertThat(OnnxNativeLibraries.platform("Windows 11", "amd64")).isEqualTo("win-x64");
    }

    @Test
    void leavesOtherPlatformsToTheRuntimesOwnLoader() {
        assertThat(OnnxNativeLibraries.platform("FreeBSD", "amd64")).isNull();
        assertThat(OnnxNativeLibraries.platform("Linux", "ppc64le")).isNull();
    }

    @Test
    void theRuntimeOfThisMachineLoadsThroughIt() throws Exception {
        OnnxNativeLibraries.load();

        assertThat(ai.onnxruntime.OrtEnvironment.getEnvironment().getAvailableProviders())
                .contains(ai.onnxruntime.OrtProvider.CPU);
        assertThat(System.getProperty(OnnxNativeLibraries.NATIVE_PATH)).isNull();
    }
}
