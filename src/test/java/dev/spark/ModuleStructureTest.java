package dev.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each capability package is a module: others reach it only through the types at its package root, and only
 * if its {@code package-info.java} lists them among its allowed dependencies. The module diagrams in
 * {@code docs/modules/} are written by this test, so they always show the structure that was verified.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(SparkApplication.class);

    @Test
    void everyModuleReachesOnlyTheModulesItDeclares() {
        MODULES.verify();
    }

    @Test
    void everyCapabilityIsAModuleThatDeclaresItsDependencies() {
        Set<String> names = MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString)
                .collect(Collectors.toSet());
        assertThat(names).contains("graph", "ai", "knowledge", "experience", "recommend", "curation", "api", "mcp", "cli", "eval", "validation");
        MODULES.forEach(module -> assertThat(module.getBasePackage().getAnnotation(
                        org.springframework.modulith.ApplicationModule.class))
                .as("package-info of %s declares @ApplicationModule", module.getIdentifier())
                .isPresent());
    }

    @Test
    void writesModuleDiagramsIntoTheDocs() throws Exception {
        Path generated = Path.of("target/module-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Path docs = Files.createDirectories(Path.of("docs/modules"));
        try (var files = Files.list(generated)) {
            for (Path file : files.toList()) {
                // the Documenter's line order varies from run to run: replace a diagram only when its content changed
                Path target = docs.resolve(file.getFileName());
                if (!Files.exists(target) || !sortedLines(target).equals(sortedLines(file))) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        assertThat(docs.resolve("components.puml")).exists();
        try (var files = Files.list(docs)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("module-recommend.puml", "module-knowledge.puml");
        }
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
