/*
 * Copyright 2026 The camel-arango-replication authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelarango.replication;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of the component: Camel glue (this package and its role packages producer, consumer, offsets) uses the
 * change-capture engine ({@code cdc}), which uses the replication client ({@code client}); never the other way, and
 * the engine and the client know nothing of Camel. Between the component's packages there is no cycle: the role
 * packages use of this package only its definitions (constants, operation enum, configuration), which use no role
 * package, and the classes that assemble the component (component, endpoint, producer, consumers) use the roles.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "io.github.camelarango.replication";

    /** The classes of the root package the role packages may use. */
    private static final Set<String> DEFINITIONS = Set.of(ArangoReplicationConstants.class.getName(),
            ArangoReplicationOperation.class.getName(), ArangoReplicationConfiguration.class.getName());

    private static final String[] GLUE = { ROOT, ROOT + ".producer..", ROOT + ".consumer..", ROOT + ".offsets.." };

    @ArchTest
    static final ArchRule clientAndEngineAreFreeOfCamel = noClasses()
            .that().resideInAnyPackage(ROOT + ".client..", ROOT + ".cdc..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
            .because("the client and the change-capture engine are usable without Camel");

    @ArchTest
    static final ArchRule clientUsesNeitherEngineNorGlue = noClasses()
            .that().resideInAPackage(ROOT + ".client..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(ROOT + ".cdc..", GLUE))
            .because("the client is the bottom layer");

    @ArchTest
    static final ArchRule engineDoesNotUseTheGlue = noClasses()
            .that().resideInAPackage(ROOT + ".cdc..")
            .should().dependOnClassesThat().resideInAnyPackage(GLUE)
            .because("the change-capture engine sits under the Camel consumers");

    @ArchTest
    static final ArchRule rolesUseOnlyTheDefinitionsOfTheComponentPackage = noClasses()
            .that().resideInAnyPackage(ROOT + ".producer..", ROOT + ".consumer..", ROOT + ".offsets..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(ROOT)
                    .and(JavaClass.Predicates.belongToAnyOf(ArangoReplicationConstants.class,
                            ArangoReplicationOperation.class, ArangoReplicationConfiguration.class).negate()))
            .because("the component's package assembles the roles; the roles only read its definitions");

    @ArchTest
    static final ArchRule noCycleBetweenThePackages = slices().assignedFrom(new PackagesWithRootSplit())
            .should().beFreeOfCycles();

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /**
     * One slice per package below the root ({@code cdc.envelope} is part of {@code cdc}); the root package is two
     * slices, its definitions and the classes that assemble the component.
     */
    private static final class PackagesWithRootSplit implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String packageName = javaClass.getPackageName();
            if (packageName.equals(ROOT)) {
                String topLevel = javaClass.getName().split("\\$")[0];
                return SliceIdentifier.of(DEFINITIONS.contains(topLevel) ? "definitions" : "component");
            }
            if (packageName.startsWith(ROOT + ".")) {
                return SliceIdentifier.of(packageName.substring(ROOT.length() + 1).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of " + ROOT + ", the root split into its definitions and the component";
        }
    }
}
