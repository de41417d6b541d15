package dev.opsbot;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mongodb.client.MongoDatabase;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core stays free of chat platforms, Spring and Quartz, and keeps MongoDB behind Mongo* classes. */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.opsbot");
    }

    @Test
    void theCoreKnowsNoChatPlatformFrameworkOrScheduler() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.springframework..", "com.slack..", "net.dv8tion..", "org.quartz..");
        rule.check(core);
    }

    @Test
    void onlyMongoClassesUseTheDriver() {
        ArchRule rule = noClasses().that().haveSimpleNameNotStartingWith("Mongo")
                .should().accessClassesThat().resideInAPackage("com.mongodb..")
                .orShould().dependOnClassesThat(resideInAPackage("com.mongodb..").and(not(type(MongoDatabase.class))))
                .because("MongoDB stays behind the Mongo* implementations of the ports");
        rule.check(core);
    }

    /**
     * A port may be handed the database, to pass on to its Mongo* implementation
     * ({@code Incidents.inMongo(db, counters)}), but may do nothing with it itself.
     */
    @Test
    void portsOnlyPassTheDatabaseOn() {
        ArchRule rule = methods().that().areDeclaredInClassesThat().haveSimpleNameNotStartingWith("Mongo")
                .and().haveRawParameterTypes(anyElementThat(type(MongoDatabase.class)))
                .should().beStatic().andShould().haveNameStartingWith("inMongo");
        rule.allowEmptyShould(true).check(core);
    }

    @Test
    void theRulesSeeTheWholeCore() {
        org.assertj.core.api.Assertions.assertThat(core.contain("dev.opsbot.incident.MongoIncidents")).isTrue();
        org.assertj.core.api.Assertions.assertThat(core.contain("dev.opsbot.command.CommandRouter")).isTrue();
    }
}
