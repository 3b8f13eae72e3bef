package dev.kobj;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.kobj.api.KernelModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of architecture.md: arrows point down only; plugins see kernel-api alone (and Guice in
 * their KernelModule); no mutable static state anywhere. Checked on the production classes of every
 * module, which the launcher's class path holds.
 */
class LayeringTest {
    private static JavaClasses kobj;

    @BeforeAll
    static void importClasses() {
        // Sibling modules are jars or class folders on this class path depending on the build: import both.
        kobj = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kobj");
    }

    @Test
    void kernelApiDependsOnNoOtherLayer() {
        check(noClasses().that().resideInAPackage("dev.kobj.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.kobj.core..", "dev.kobj.sync..", "dev.kobj.ipc..", "dev.kobj.fs..",
                        "dev.kobj.win32..", "dev.kobj.launcher..", "dev.kobj.bench.."));
    }

    @Test
    void onlyKernelModuleAndItsBinderTouchGuiceInTheApi() {
        check(noClasses().that().resideInAPackage("dev.kobj.api..")
                .and().doNotHaveFullyQualifiedName(KernelModule.class.getName())
                .and().haveNameNotMatching("dev\\.kobj\\.api\\.KernelBinder(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject.."));
    }

    @Test
    void kernelCoreSeesOnlyTheApiBelowIt() {
        check(noClasses().that().resideInAPackage("dev.kobj.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.kobj.sync..", "dev.kobj.ipc..", "dev.kobj.fs..",
                        "dev.kobj.win32..", "dev.kobj.launcher..", "dev.kobj.bench.."));
    }

    @Test
    void pluginsImportOnlyTheApi() {
        check(noClasses().that().resideInAnyPackage("dev.kobj.sync..", "dev.kobj.ipc..", "dev.kobj.fs..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.kobj.core..", "dev.kobj.win32..", "dev.kobj.launcher..", "dev.kobj.bench.."));
        check(noClasses().that().resideInAPackage("dev.kobj.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kobj.ipc..", "dev.kobj.fs.."));
        check(noClasses().that().resideInAPackage("dev.kobj.ipc..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kobj.sync..", "dev.kobj.fs.."));
        check(noClasses().that().resideInAPackage("dev.kobj.fs..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kobj.sync..", "dev.kobj.ipc.."));
    }

    @Test
    void pluginsUseGuiceOnlyInTheirKernelModule() {
        check(noClasses().that().resideInAnyPackage("dev.kobj.sync..", "dev.kobj.ipc..", "dev.kobj.fs..")
                .and().doNotImplement(KernelModule.class)
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.kobj.core.."));
    }

    @Test
    void win32CompilesAgainstTheApiOnly() {
        check(noClasses().that().resideInAPackage("dev.kobj.win32..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.kobj.core..", "dev.kobj.sync..", "dev.kobj.ipc..", "dev.kobj.fs..",
                        "dev.kobj.launcher..", "dev.kobj.bench..", "com.google.inject.."));
    }

    @Test
    void nothingDependsOnTheLauncherOrBench() {
        check(noClasses().that().resideOutsideOfPackages("dev.kobj.launcher..", "dev.kobj.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kobj.launcher..", "dev.kobj.bench.."));
    }

    @Test
    void kernelInternalMembersAreCalledByTheCoreOnly() {
        check(noClasses().that().resideOutsideOfPackages("dev.kobj.core..", "dev.kobj.api..")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith(
                                dev.kobj.api.KernelInternal.class))));
    }

    @Test
    void noMutableStaticState() {
        check(fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("dev.kobj..")
                .should().beFinal());
    }

    @Test
    void pluginModulesAreFinalWithPublicConstructors() {
        check(classes().that().implement(KernelModule.class).should().haveModifier(
                com.tngtech.archunit.core.domain.JavaModifier.FINAL));
    }

    private static void check(ArchRule rule) {
        rule.check(kobj);
    }
}
