package io.turso4j.tests.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.turso4j.tests.arch.fixture.error.EngineError;
import io.turso4j.tests.arch.fixture.pager.MisplacedPager;
import io.turso4j.tests.arch.fixture.storage.btree.BTreeCallingUp;
import io.turso4j.tests.arch.fixture.storage.btree.BTreeRaisingEngineError;
import io.turso4j.tests.arch.fixture.vdbe.Vm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shows that each rule of {@link DependencyRules} catches the violation it exists for, by
 * running it over fixture classes (package {@code fixture}, laid out like the project) that
 * break it on purpose. A rule that passed here would pass anything.
 */
class DependencyRulesBiteTest {
    private static final String ROOT = "io.turso4j.tests.arch.fixture";
    /** No fixture lives in engine-core: the engine is recognised by its packages alone. */
    private static final DependencyRules RULES = new DependencyRules(ROOT, "no-such-module");
    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages(ROOT);
    }

    private static void assertCaught(Function<DependencyRules, ArchRule> rule, String violator) {
        AssertionError e = assertThrows(AssertionError.class, () -> rule.apply(RULES).check(fixtures));
        assertTrue(e.getMessage().contains(ROOT + "." + violator), () -> "expected " + violator + " among:\n" + e.getMessage());
    }

    @Test
    void seamRuleCatchesTheSeamUsingABackend() {
        assertCaught(DependencyRules::seamDependsOnNoBackendNorEngine, "completion.CompletionUsingBackend");
    }

    @Test
    void completionRuleCatchesAProjectDependency() {
        assertCaught(DependencyRules::completionDependsOnlyOnTheJdk, "completion.CompletionUsingBackend");
    }

    @Test
    void bufferRuleCatchesACompletionDependency() {
        assertCaught(DependencyRules::bufferDependsOnlyOnTheJdkAndJctools, "buffer.BufferUsingCompletion");
    }

    @Test
    void nioRuleCatchesNioUsingUring() {
        assertCaught(DependencyRules::nioStaysIndependent, "io.nio.NioBackend");
    }

    @Test
    void uringRuleCatchesUringUsingTheEngine() {
        assertCaught(DependencyRules::uringStaysIndependent, "io.uring.UringBackend");
    }

    @Test
    void engineRuleCatchesTheEngineUsingABackend() {
        assertCaught(DependencyRules::engineImportsNoBackendNorNetty, "storage.format.FormatDoingIo");
    }

    @Test
    void formatRuleCatchesFileIo() {
        assertCaught(DependencyRules::storageFormatDoesNoIo, "storage.format.FormatDoingIo");
    }

    @Test
    void frontEndRuleCatchesANamedBackend() {
        assertCaught(DependencyRules::frontEndsNameNoBackend, "jdbc.DriverNamingBackend");
    }

    @Test
    void layerRuleCatchesStorageCallingUp() {
        JavaClasses upward = new ClassFileImporter().importClasses(BTreeCallingUp.class, Vm.class);
        AssertionError e = assertThrows(AssertionError.class, () -> RULES.engineLayersPointDown().check(upward));
        assertTrue(e.getMessage().contains(BTreeCallingUp.class.getName()), e::getMessage);
    }

    @Test
    void layerRuleLetsEveryLayerRaiseTheEngineError() {
        JavaClasses raising = new ClassFileImporter().importClasses(BTreeRaisingEngineError.class, EngineError.class);
        assertDoesNotThrow(() -> RULES.engineLayersPointDown().check(raising));
    }

    @Test
    void placementRuleCatchesAnEngineClassOutsideTheLayers() {
        // Here "engine-core" is this module's test classes, where the fixtures live.
        DependencyRules here = new DependencyRules(ROOT, "test-classes");
        JavaClasses misplaced = new ClassFileImporter().importClasses(MisplacedPager.class, Vm.class);
        AssertionError e = assertThrows(AssertionError.class, () -> here.engineClassesLiveInLayerPackages().check(misplaced));
        assertTrue(e.getMessage().contains(MisplacedPager.class.getName()), e::getMessage);
        assertFalse(e.getMessage().contains("<" + Vm.class.getName() + ">"), e::getMessage);
    }
}
