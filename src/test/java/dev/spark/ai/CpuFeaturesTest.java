package dev.spark.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuFeaturesTest {

    /** The head of /proc/cpuinfo on the machine of docs/benchmarks.md (a KVM guest: no finer model name). */
    static final String EPYC_WITH_VNNI = """
            processor	: 0
            vendor_id	: AuthenticAMD
            cpu family	: 25
            model		: 17
            model name	: AMD EPYC
            flags		: fpu vme de pse tsc msr pae fma cx16 avx f16c avx2 smep bmi2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16 avx512vbmi avx512_vnni avx512_bitalg
            bogomips	: 5192.26

            processor	: 1
            vendor_id	: AuthenticAMD
            model name	: AMD EPYC
            flags		: fpu avx2
            """;

    /** A Zen 2 EPYC: AVX2, no AVX-512, no VNNI (the machine of the slower figures). */
    static final String EPYC_AVX2_ONLY = """
            processor	: 0
            model name	: AMD EPYC 7B12
            flags		: fpu sse4_2 avx f16c avx2 fma bmi2 sha_ni
            """;

    @Test
    void readsTheFirstProcessorsModelAndItsAvx512AndVnniFlags() {
        CpuFeatures cpu = CpuFeatures.parse(EPYC_WITH_VNNI, 2);

        assertThat(cpu.model()).isEqualTo("AMD EPYC");
        assertThat(cpu.avx2()).isTrue();
        assertThat(cpu.avx512()).isTrue();
        assertThat(cpu.vnni()).isTrue();
        assertThat(cpu.describe()).isEqualTo("AMD EPYC, 2 cores, AVX2 yes, AVX-512 yes, VNNI yes (avx512_vnni)");
    }

    @Test
    void anAvx2OnlyCpuHasNoVnni() {
        CpuFeatures cpu = CpuFeatures.parse(EPYC_AVX2_ONLY, 16);

        assertThat(cpu.vnni()).isFalse();
        assertThat(cpu.avx512()).isFalse();
        assertThat(cpu.describe()).isEqualTo("AMD EPYC 7B12, 16 cores, AVX2 yes, AVX-512 no, VNNI no");
    }

    @Test
    void avxVnniWithoutAvx512CountsAsVnni() {
        CpuFeatures cpu = CpuFeatures.parse("model name\t: 12th Gen Intel(R) Core(TM) i7-1265U\nflags\t\t: avx2 avx_vnni\n", 12);

        assertThat(cpu.vnni()).isTrue();
        assertThat(cpu.avx512()).isFalse();
        assertThat(cpu.describe()).endsWith("VNNI yes (avx_vnni)");
    }

    @Test
    void aTextWithoutModelOrFlagsIsUnknownRatherThanAnError() {
        CpuFeatures cpu = CpuFeatures.parse("processor\t: 0\nBogoMIPS\t: 50.00\n", 4);

        assertThat(cpu.model()).isEqualTo("unknown");
        assertThat(cpu.flags()).isEmpty();
        assertThat(cpu.vnni()).isFalse();
    }
}
