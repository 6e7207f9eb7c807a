package io.turso4j.tests.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Arrays;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The dependency rules of DESIGN.md, as ArchUnit rules over the packages under one root:
 * {@code io.turso4j} for the real code ({@link ArchitectureTest}), a fixture root for the
 * proof that each rule catches what it is meant to ({@link DependencyRulesBiteTest}).
 *
 * <p>Who may depend on whom:
 * <pre>
 *   completion          JDK only
 *   buffer              JDK, JCTools
 *   io (the seam, and   completion, buffer — never a backend, the engine or a front end
 *       memory/sim)
 *   io.nio, io.uring    the seam; never each other, the engine or a front end
 *   engine-core         the seam; never a backend or Netty; its layers point down:
 *                       api → sql / translate → vdbe → function / schema → storage,
 *                       with storage.format doing no I/O at all
 *   jdbc, cli           the engine; backends only through IoBackends, never by name
 * </pre>
 *
 * <p>Rules about packages that hold no classes yet (the engine, the front ends, io_uring on
 * a branch without it) allow an empty selection so they pass until there is something to
 * check; the rules about the seam and NIO do not, so they cannot pass vacuously.
 */
final class DependencyRules {
    private final String root;
    /** A path fragment naming engine-core's classes directory or jar. */
    private final String engineModule;

    /**
     * @param root the package every project package sits under
     * @param engineModule a fragment of the class-file location that marks engine-core's classes
     */
    DependencyRules(String root, String engineModule) {
        this.root = root;
        this.engineModule = engineModule;
    }

    /** {@code sub} under the root and its subpackages; "" is the root package alone. */
    private String pkg(String sub) {
        return sub.isEmpty() ? root : root + "." + sub + "..";
    }

    private String[] pkgs(String... subs) {
        return Arrays.stream(subs).map(this::pkg).toArray(String[]::new);
    }

    private static String[] plus(String[] a, String... b) {
        return Stream.concat(Arrays.stream(a), Arrays.stream(b)).toArray(String[]::new);
    }

    private String[] backends() {
        return pkgs("io.nio", "io.uring");
    }

    /** The engine's layer packages, the public API root among them. */
    private String[] engine() {
        return pkgs("", "sql", "translate", "vdbe", "function", "schema", "value", "storage", "error");
    }

    private String[] frontEnds() {
        return pkgs("jdbc", "cli");
    }

    ArchRule seamDependsOnNoBackendNorEngine() {
        return noClasses().that().resideInAnyPackage(pkgs("completion", "buffer", "io"))
                .and().resideOutsideOfPackages(backends())
                .should().dependOnClassesThat().resideInAnyPackage(
                        plus(plus(plus(backends(), engine()), frontEnds()), "io.netty.."))
                .because("backends plug into the seam through IoProvider; the seam knows none of them");
    }

    ArchRule completionDependsOnlyOnTheJdk() {
        return classes().that().resideInAPackage(pkg("completion"))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", pkg("completion"))
                .because("package-info: completion depends on nothing but the JDK");
    }

    ArchRule bufferDependsOnlyOnTheJdkAndJctools() {
        return classes().that().resideInAPackage(pkg("buffer"))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jctools..", pkg("buffer"))
                .because("package-info: buffer depends on the JDK and JCTools only");
    }

    ArchRule nioStaysIndependent() {
        return noClasses().that().resideInAPackage(pkg("io.nio"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        plus(plus(pkgs("io.uring"), engine()), plus(frontEnds(), "io.netty..")))
                .because("a backend depends on the seam alone");
    }

    ArchRule uringStaysIndependent() {
        return noClasses().that().resideInAPackage(pkg("io.uring"))
                .should().dependOnClassesThat().resideInAnyPackage(plus(plus(pkgs("io.nio"), engine()), frontEnds()))
                .because("a backend depends on the seam (and Netty) alone")
                .allowEmptyShould(true);
    }

    private DescribedPredicate<JavaClass> locatedInEngineCore() {
        return DescribedPredicate.describe("are located in engine-core",
                c -> c.getSource().map(s -> s.getUri().toString().contains(engineModule)).orElse(false));
    }

    /** engine-core's classes: those in its module, and any in the engine's packages. */
    private DescribedPredicate<JavaClass> inEngineCore() {
        return locatedInEngineCore().or(resideInAnyPackage(engine()));
    }

    ArchRule engineImportsNoBackendNorNetty() {
        return noClasses().that(inEngineCore())
                .should().dependOnClassesThat().resideInAnyPackage(plus(backends(), "io.netty.."))
                .because("engine-core finds its backend through IoBackends (ServiceLoader) at open time")
                .allowEmptyShould(true);
    }

    /** So a class cannot slip past the layer rules by living in a package they do not name. */
    ArchRule engineClassesLiveInLayerPackages() {
        return classes().that(locatedInEngineCore())
                .and().resideInAPackage(root + "..")
                .should().resideInAnyPackage(engine())
                .because("DESIGN.md lists engine-core's packages: api, sql, translate, vdbe, function, schema, value, storage, and error for SqliteException")
                .allowEmptyShould(true);
    }

    /**
     * Layers point down; siblings (function, schema) stay apart, except that translate reads
     * the sql AST. {@code error} (SqliteException and ResultCode) is raised from every layer and
     * uses none. {@code value} sits beside the layers, usable by all and using only
     * {@code error}.
     */
    ArchRule engineLayersPointDown() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("api").definedBy(root)
                .layer("sql").definedBy(pkg("sql"))
                .layer("translate").definedBy(pkg("translate"))
                .layer("vdbe").definedBy(pkg("vdbe"))
                .layer("function").definedBy(pkg("function"))
                .layer("schema").definedBy(pkg("schema"))
                .layer("storage").definedBy(pkg("storage"))
                .layer("value").definedBy(pkg("value"))
                .layer("error").definedBy(pkg("error"))
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("sql").mayOnlyBeAccessedByLayers("api", "translate")
                .whereLayer("translate").mayOnlyBeAccessedByLayers("api")
                .whereLayer("vdbe").mayOnlyBeAccessedByLayers("api", "translate")
                .whereLayer("function").mayOnlyBeAccessedByLayers("api", "translate", "vdbe")
                .whereLayer("schema").mayOnlyBeAccessedByLayers("api", "translate", "vdbe")
                .whereLayer("storage").mayOnlyBeAccessedByLayers("api", "translate", "vdbe", "function", "schema")
                .whereLayer("value").mayOnlyAccessLayers("error")
                .whereLayer("error").mayNotAccessAnyLayer()
                .allowEmptyShould(true);
    }

    ArchRule storageFormatDoesNoIo() {
        DescribedPredicate<JavaClass> fileClasses = resideInAPackage("java.io")
                .and(simpleNameStartingWith("File").or(simpleName("RandomAccessFile")));
        return noClasses().that().resideInAPackage(pkg("storage.format"))
                .should().dependOnClassesThat().resideInAnyPackage(plus(
                        pkgs("io", "completion", "storage.pager", "storage.wal", "storage.btree"),
                        "java.nio.channels..", "java.nio.file..", "io.netty.."))
                .orShould().dependOnClassesThat(fileClasses)
                .because("storage.format is the file format as pure code: bytes in, values out")
                .allowEmptyShould(true);
    }

    ArchRule frontEndsNameNoBackend() {
        return noClasses().that().resideInAnyPackage(frontEnds())
                .should().dependOnClassesThat().resideInAnyPackage(backends())
                .because("jdbc and cli put the backends on the class path and let IoBackends choose")
                .allowEmptyShould(true);
    }
}
