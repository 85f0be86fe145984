package dev.spark;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each capability package is a module that others reach only through its top-level (public) types. */
class ModuleStructureTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(SparkApplication.class).verify();
    }
}
