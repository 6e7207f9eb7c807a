package io.turso4j.tests.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.turso4j.completion.Completion;
import io.turso4j.io.IO;
import io.turso4j.io.nio.NioIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the project's dependencies pointing the way DESIGN.md says, over every production
 * class of every module (this module depends on all of them). The rules themselves, and why
 * each holds, are in {@link DependencyRules}; {@link DependencyRulesBiteTest} shows each one
 * catches a violation.
 */
class ArchitectureTest {
    private static final DependencyRules RULES = new DependencyRules("io.turso4j", "engine-core");
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.turso4j");
    }

    /** Guards the rest: an import that found nothing would let every rule pass. */
    @Test
    void importSeesTheModules() {
        for (Class<?> c : new Class<?>[] {Completion.class, IO.class, NioIO.class}) {
            assertTrue(production.contain(c), "imported classes lack " + c.getName());
        }
    }

    @Test
    void seamDependsOnNoBackendNorEngine() {
        RULES.seamDependsOnNoBackendNorEngine().check(production);
    }

    @Test
    void completionDependsOnlyOnTheJdk() {
        RULES.completionDependsOnlyOnTheJdk().check(production);
    }

    @Test
    void bufferDependsOnlyOnTheJdkAndJctools() {
        RULES.bufferDependsOnlyOnTheJdkAndJctools().check(production);
    }

    @Test
    void nioStaysIndependent() {
        RULES.nioStaysIndependent().check(production);
    }

    @Test
    void uringStaysIndependent() {
        RULES.uringStaysIndependent().check(production);
    }

    @Test
    void engineImportsNoBackendNorNetty() {
        RULES.engineImportsNoBackendNorNetty().check(production);
    }

    @Test
    void engineClassesLiveInLayerPackages() {
        RULES.engineClassesLiveInLayerPackages().check(production);
    }

    @Test
    void engineLayersPointDown() {
        RULES.engineLayersPointDown().check(production);
    }

    @Test
    void storageFormatDoesNoIo() {
        RULES.storageFormatDoesNoIo().check(production);
    }

    @Test
    void frontEndsNameNoBackend() {
        RULES.frontEndsNameNoBackend().check(production);
    }
}
